namespace Infra.Runner.Rollout;

/// <summary>
/// The pure rule judging a new color against the live color over the same window on the same load balancer.
/// In order: no healthy target fails; fewer than the minimum requests is inconclusive; an error rate above
/// max(live rate × ratio, floor) fails when it is above it with 99% confidence (see <see cref="WilsonLowerBound"/>); a p99 above live p99 × ratio fails (only when the live color has a p99 to
/// compare with: at 100% it serves nothing); otherwise pass.
/// </summary>
public static class CanaryAnalysis
{
    /// <param name="elb5xx">
    /// The 5xx the load balancer generated itself in the window. CloudWatch publishes HTTPCode_ELB_5XX_Count per load
    /// balancer (and zone) only, never per target group, so they cannot be split between colors or services. They are
    /// charged to the new color, as failed requests it was sent: fail closed, because a 503 for a color without healthy
    /// targets or a 502 for one that drops connections never reaches its target group's counts, and a release should
    /// not go on while the load balancer fails requests nobody can attribute. The journal shows them apart, so an
    /// operator can see when another service caused them.
    /// </param>
    public static CanaryVerdict Judge(
        string service, DeployColor newColor, TargetGroupMetrics candidate, TargetGroupMetrics live, double elb5xx, CanarySettings settings)
    {
        var liveColor = newColor.Other();
        // Requests the load balancer answered with its own 5xx may never be counted by the target group, so they are added to the served count.
        var served = candidate.Requests + elb5xx;
        var errors = candidate.Target5xx + candidate.ConnectionErrors + elb5xx;
        var newRate = served > 0 ? Math.Min(1, errors / served) : 0;
        var liveRate = live.Requests > 0 ? Math.Min(1, (live.Target5xx + live.ConnectionErrors) / live.Requests) : 0;
        var allowedRate = Math.Max(liveRate * settings.ErrorRateRatio, settings.ErrorRateFloorPercent / 100);
        var allowedP99 = live.P99Seconds * settings.LatencyRatio;

        CanaryVerdict Verdict(CanaryOutcome outcome, string reason) =>
            new(service, outcome, reason, newColor, liveColor, candidate, live, elb5xx, newRate, liveRate, allowedRate, allowedP99);

        if (candidate.MinHealthyHosts == 0)
        {
            return Verdict(CanaryOutcome.Fail, $"no healthy targets in {newColor.ConfigName()}'s target group");
        }

        if (served < settings.MinRequestsPerStep)
        {
            return Verdict(CanaryOutcome.Inconclusive, $"{served:0} requests < minimum {settings.MinRequestsPerStep}");
        }

        var newRateLow = WilsonLowerBound(errors, served);
        if (newRateLow > allowedRate)
        {
            return Verdict(CanaryOutcome.Fail,
                $"error rate {CanaryVerdict.Percent(newRate)} (at least {CanaryVerdict.Percent(newRateLow)} with 99% confidence) > allowed {CanaryVerdict.Percent(allowedRate)}");
        }

        if (candidate.P99Seconds is { } p99 && allowedP99 is { } allowed && p99 > allowed)
        {
            return Verdict(CanaryOutcome.Fail, $"p99 {CanaryVerdict.Millis(p99)} > allowed {CanaryVerdict.Millis(allowed)}");
        }

        return Verdict(CanaryOutcome.Pass, "within limits");
    }

    /// <summary>
    /// The one-sided 99% Wilson score lower bound of an error rate. Judged on the observed rate alone, a good canary
    /// fails on a single error in a small step (1 in 60 is 1.7%, over a 1% floor): the benchmark measured a third of
    /// good low-traffic canaries failed that way. Requiring the rate to be above the allowed one with confidence keeps
    /// those while a real regression, whose count grows with traffic, still fails (the benchmark prints both shares).
    /// </summary>
    public static double WilsonLowerBound(double errors, double served)
    {
        const double z = 2.326;
        if (served <= 0) return 0;
        var rate = Math.Min(1, errors / served);
        var spread = z * Math.Sqrt(rate * (1 - rate) / served + z * z / (4 * served * served));
        return Math.Max(0, (rate + z * z / (2 * served) - spread) / (1 + z * z / served));
    }
}
