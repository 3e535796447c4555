using System.Globalization;

namespace Infra.Runner.Rollout;

public enum CanaryOutcome
{
    Pass,

    /// <summary>Too few requests to judge: the bake is extended, then the step fails or pauses.</summary>
    Inconclusive,
    Fail,
}

/// <summary>
/// One service's canary decision and every number it used, for the journal and <c>status</c>. Rates are fractions
/// (0.02 = 2%), latencies seconds; a live p99 of null means the live color served nothing to compare with.
/// </summary>
public sealed record CanaryVerdict(
    string Service,
    CanaryOutcome Outcome,
    string Reason,
    DeployColor NewColor,
    DeployColor LiveColor,
    TargetGroupMetrics New,
    TargetGroupMetrics Live,
    double Elb5xx,
    double NewErrorRate,
    double LiveErrorRate,
    double AllowedErrorRate,
    double? AllowedP99Seconds)
{
    /// <summary>e.g. "web green vs blue: fail (error rate 3.00% > allowed 2.00%); green 1200 requests, ...".</summary>
    public string Describe() =>
        $"{Service} {NewColor.ConfigName()} vs {LiveColor.ConfigName()}: {Outcome.ToString().ToLowerInvariant()} ({Reason}); " +
        $"{NewColor.ConfigName()} {Count(New.Requests)} requests, {Percent(NewErrorRate)} errors ({Count(New.Target5xx)} target 5xx, " +
        $"{Count(New.ConnectionErrors)} connection errors, {Count(Elb5xx)} load-balancer 5xx), p99 {Millis(New.P99Seconds)}, " +
        $"fewest healthy targets {(New.MinHealthyHosts is { } h ? Count(h) : "unknown")}; " +
        $"{LiveColor.ConfigName()} {Count(Live.Requests)} requests, {Percent(LiveErrorRate)} errors, p99 {Millis(Live.P99Seconds)}; " +
        $"allowed error rate {Percent(AllowedErrorRate)}, allowed p99 {Millis(AllowedP99Seconds)}";

    /// <summary>The same numbers as journal data, keyed "canary.&lt;service&gt;.&lt;name&gt;".</summary>
    public IEnumerable<KeyValuePair<string, string>> ToData()
    {
        var prefix = $"canary.{Service}.";
        yield return new(prefix + "outcome", Outcome.ToString().ToLowerInvariant());
        yield return new(prefix + "reason", Reason);
        yield return new(prefix + "newRequests", Count(New.Requests));
        yield return new(prefix + "newTarget5xx", Count(New.Target5xx));
        yield return new(prefix + "newConnectionErrors", Count(New.ConnectionErrors));
        yield return new(prefix + "elb5xx", Count(Elb5xx));
        yield return new(prefix + "newErrorRate", Number(NewErrorRate));
        yield return new(prefix + "newP99Seconds", New.P99Seconds is { } p ? Number(p) : "");
        yield return new(prefix + "newMinHealthyHosts", New.MinHealthyHosts is { } h ? Count(h) : "");
        yield return new(prefix + "liveRequests", Count(Live.Requests));
        yield return new(prefix + "liveErrorRate", Number(LiveErrorRate));
        yield return new(prefix + "liveP99Seconds", Live.P99Seconds is { } l ? Number(l) : "");
        yield return new(prefix + "allowedErrorRate", Number(AllowedErrorRate));
        yield return new(prefix + "allowedP99Seconds", AllowedP99Seconds is { } a ? Number(a) : "");
    }

    private static string Count(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    internal static string Millis(double? seconds) => seconds is { } s ? (s * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a";
}
