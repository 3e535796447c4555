using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Scenario tests of the per-step canary analysis under the fake clock: the new color (green) against the live color
/// (blue) on the same load balancer, with the default settings (50 requests, 10 minutes of extension then fail, 2×
/// error rate with a 1% floor, 2× p99). Each scenario passed every step on the runner before the analysis existed.
/// </summary>
public class CanaryAnalysisTests
{
    private static readonly string Green = RolloutHarness.TargetGroup("web", DeployColor.Green);

    /// <summary>Green serves <paramref name="greenPerMinute"/> requests a minute failing <paramref name="greenErrorRate"/>; blue 1000 failing 1% at 200 ms.</summary>
    private static RolloutHarness Traffic(double greenPerMinute, double greenErrorRate = 0.01, double greenP99 = 0.2, double greenHealthy = 2)
    {
        var harness = new RolloutHarness("web");
        harness.TargetGroupMetrics = (group, from, to) => group == Green
            ? PerMinute(from, to, greenPerMinute, greenErrorRate, greenP99, greenHealthy)
            : PerMinute(from, to, 1000, 0.01, 0.2, 2);
        return harness;
    }

    private static TargetGroupMetrics PerMinute(DateTimeOffset from, DateTimeOffset to, double perMinute, double errorRate, double p99, double healthy)
    {
        var requests = Math.Round((to - from).TotalMinutes * perMinute);
        return new TargetGroupMetrics(requests, Math.Round(requests * errorRate), 0, requests > 0 ? p99 : null, healthy);
    }

    private static DateTimeOffset FirstStepAt(RolloutHarness harness) => harness.TrafficUpdates.First().At;

    private static IReadOnlyDictionary<string, string> LastAnalysis(RolloutHarness harness) =>
        harness.Events.Last(e => e.Kind == RolloutEventKind.CanaryAnalysed).Data;

    [Fact]
    public async Task A_step_whose_new_color_gets_no_traffic_is_inconclusive_extended_by_the_limit_then_fails()
    {
        var harness = Traffic(greenPerMinute: 0);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        var extended = harness.Events.First(e => e.Kind == RolloutEventKind.StepInconclusive);
        Assert.Equal(FirstStepAt(harness) + TimeSpan.FromMinutes(5), extended.At);
        Assert.StartsWith("Canary analysis inconclusive at step 1 (10%) after its 0:05:00 bake (web green vs blue: inconclusive (0 requests < minimum 50)",
            extended.Message);
        Assert.EndsWith("bake extended by up to 0:10:00", extended.Message);
        var rollback = harness.TrafficUpdates.Last();
        Assert.Equal(FirstStepAt(harness) + TimeSpan.FromMinutes(15), rollback.At);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), rollback.Weights["web"]);
        Assert.Contains("canary analysis still inconclusive at step 1 (10%) after 0:15:00: web green vs blue: inconclusive (0 requests < minimum 50)", result.Message);
        Assert.Equal(2, harness.TrafficUpdates.Count());
    }

    [Fact]
    public async Task A_new_color_failing_three_times_as_often_as_the_live_one_fails_its_step_with_the_numbers_journaled()
    {
        var harness = Traffic(greenPerMinute: 1000, greenErrorRate: 0.03);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("canary analysis failed at step 1 (10%): web green vs blue: fail (error rate 3.00% (at least 2.", result.Message);
        Assert.Contains("> allowed 2.00%)", result.Message);
        var numbers = LastAnalysis(harness);
        Assert.Equal(("fail", "0.03", "0.01", "0.02"),
            (numbers["canary.web.outcome"], numbers["canary.web.newErrorRate"], numbers["canary.web.liveErrorRate"], numbers["canary.web.allowedErrorRate"]));
        // Caught mid-bake, at a one-minute analysis, not only when the five-minute bake ends.
        Assert.True(harness.TrafficUpdates.Last().At < FirstStepAt(harness) + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_failed_metrics_read_mid_bake_is_journaled_and_read_again_without_rolling_back()
    {
        var harness = Traffic(greenPerMinute: 1000);
        var reads = 0;
        var elb5xx = harness.Elb5xx;
        harness.Elb5xx = (from, to) => ++reads == 2 ? throw new InvalidOperationException("Rate exceeded") : elb5xx(from, to);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Contains(harness.Events, e => e.Message ==
            "Canary analysis at step 1 (10%) could not read CloudWatch (Rate exceeded); it reads again in 0:01:00, and the wait's last reading must succeed");
    }

    [Fact]
    public async Task A_bake_whose_last_metrics_read_fails_rolls_back_rather_than_passing_unjudged()
    {
        var harness = Traffic(greenPerMinute: 1000);
        harness.Elb5xx = (_, _) => throw new InvalidOperationException("Rate exceeded");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("Rate exceeded", result.Message);
        Assert.Equal(FirstStepAt(harness) + TimeSpan.FromMinutes(5), harness.TrafficUpdates.Last().At);
    }

    [Fact]
    public async Task A_new_color_within_the_error_and_latency_ratios_passes_every_step()
    {
        var harness = Traffic(greenPerMinute: 1000, greenErrorRate: 0.015, greenP99: 0.35);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var analyses = harness.Events.Where(e => e.Kind == RolloutEventKind.CanaryAnalysed).ToList();
        Assert.All(analyses, a => Assert.Equal("pass", a.Data["canary.web.outcome"]));
        Assert.Contains(analyses, a => a.Data["phase"] == "Shifting" && a.Data["step"] == "3");
        Assert.Contains(analyses, a => a.Data["phase"] == "TerminationWait");
    }

    [Fact]
    public async Task A_new_color_whose_p99_exceeds_the_live_p99_times_the_ratio_fails()
    {
        var harness = Traffic(greenPerMinute: 1000, greenP99: 0.5);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("canary analysis failed at step 1 (10%): web green vs blue: fail (p99 500 ms > allowed 400 ms)", result.Message);
        Assert.Equal("0.5", LastAnalysis(harness)["canary.web.newP99Seconds"]);
    }

    [Fact]
    public async Task Load_balancer_503s_fail_the_step_though_the_new_colors_targets_answer_no_5xx()
    {
        var harness = Traffic(greenPerMinute: 1000, greenErrorRate: 0);
        harness.Elb5xx = (from, to) => Math.Round((to - from).TotalMinutes * 100);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("canary analysis failed at step 1 (10%): web green vs blue: fail (error rate 9.09%", result.Message);
        Assert.Contains("(0 target 5xx, 0 connection errors, 100 load-balancer 5xx)", result.Message);
    }

    [Fact]
    public async Task Target_connection_errors_fail_the_step()
    {
        var harness = new RolloutHarness("web");
        harness.TargetGroupMetrics = (group, from, to) =>
        {
            var minutes = (to - from).TotalMinutes;
            return group == Green
                ? new TargetGroupMetrics(minutes * 1000, 0, minutes * 80, 0.2, 2)
                : new TargetGroupMetrics(minutes * 1000, 0, 0, 0.2, 2);
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("(0 target 5xx, 80 connection errors, 0 load-balancer 5xx)", result.Message);
    }

    [Fact]
    public async Task A_new_color_with_no_healthy_target_fails_at_the_first_analysis()
    {
        var harness = Traffic(greenPerMinute: 1000, greenHealthy: 0);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("canary analysis failed at step 1 (10%): web green vs blue: fail (no healthy targets in green's target group)", result.Message);
        Assert.Equal(FirstStepAt(harness) + TimeSpan.FromMinutes(1), harness.TrafficUpdates.Last().At);
    }

    [Fact]
    public async Task The_analysis_reads_both_colors_of_every_service_on_the_load_balancer_over_the_steps_window_in_one_query()
    {
        var harness = new RolloutHarness("web", "api");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:2"));

        var first = harness.MetricsQueries[0];
        Assert.Equal(RolloutHarness.LoadBalancer, first.LoadBalancer);
        Assert.Equal(
            [Green, RolloutHarness.TargetGroup("web", DeployColor.Blue), RolloutHarness.TargetGroup("api", DeployColor.Green), RolloutHarness.TargetGroup("api", DeployColor.Blue)],
            first.TargetGroups);
        Assert.Equal((FirstStepAt(harness), FirstStepAt(harness) + TimeSpan.FromMinutes(1)), (first.From, first.To));
    }

    [Fact]
    public async Task Under_onInconclusive_pause_the_rollout_waits_with_gates_watched_until_promoted_from_another_machine()
    {
        var harness = Traffic(greenPerMinute: 0);
        var promoted = false;
        harness.TargetGroupMetrics = (group, from, to) =>
        {
            var paused = harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.Paused);
            if (paused is not null && !promoted && to >= paused.At + TimeSpan.FromMinutes(30))
            {
                promoted = true;
                harness.Stack.Object.RequestControlAsync(harness.Record!.Id, RolloutControl.Promote, CancellationToken.None).GetAwaiter().GetResult();
            }

            return PerMinute(from, to, group == Green && !promoted ? 0 : 1000, 0.01, 0.2, 2);
        };
        var plan = RolloutHarness.Plan("web=web:2") with { };
        plan = plan with { Canary = plan.Canary with { OnInconclusive = InconclusivePolicy.Pause } };

        var result = await harness.Engine.DeployAsync(plan);

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var paused = harness.Event(RolloutEventKind.Paused);
        Assert.Equal(FirstStepAt(harness) + TimeSpan.FromMinutes(15), paused.At);
        Assert.Equal(
            $"Rollout {paused.RolloutId} paused at step 1 (10%): the canary analysis is still inconclusive after 0:15:00 " +
            "(web green vs blue: inconclusive (0 requests < minimum 50); green 0 requests, 0.00% errors (0 target 5xx, 0 connection errors, 0 load-balancer 5xx), " +
            "p99 n/a, fewest healthy targets 2; blue 15000 requests, 1.00% errors, p99 200 ms; allowed error rate 2.00%, allowed p99 400 ms); gates stay watched. " +
            "Continue with: infra-runner promote --stack production; roll back with: infra-runner abort --stack production",
            paused.Message);
        Assert.Contains((NotificationSeverity.Critical, paused.Message), harness.Notifications);
        Assert.Contains(harness.AlarmReads, at => at > paused.At + TimeSpan.FromMinutes(20) && at < paused.At + TimeSpan.FromMinutes(30));
        Assert.Equal("Promoted past step 1 (10%) (SkipBake)", harness.Events.First(e => e.Kind == RolloutEventKind.StepBaked).Message);
    }

    [Fact]
    public async Task A_runner_killed_in_the_inconclusive_pause_is_resumed_into_that_pause_with_the_step_s_window_instead_of_baking_again()
    {
        var harness = Traffic(greenPerMinute: 0);
        using var kill = new CancellationTokenSource();
        RolloutEvent? Paused() => harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.Paused);
        harness.TargetGroupMetrics = (group, from, to) =>
        {
            if (Paused() is { } paused && to >= paused.At + TimeSpan.FromMinutes(10)) kill.Cancel();
            return PerMinute(from, to, group == Green ? 0 : 1000, 0.01, 0.2, 2);
        };
        var plan = RolloutHarness.Plan("web=web:2");
        plan = plan with { Canary = plan.Canary with { OnInconclusive = InconclusivePolicy.Pause } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(plan, kill.Token));

        var pausedAt = Paused()!.At;
        var stepStart = FirstStepAt(harness);
        var kept = Assert.Single(harness.Record!.Hooks!);
        Assert.Equal(("inconclusive:1", HookState.Running, pausedAt), (kept.Name, kept.State, kept.StartedAt));
        Assert.Equal(stepStart, harness.Record.PhaseStartedAt);
        var eventsBefore = harness.Events.Count;
        var queriesBefore = harness.MetricsQueries.Count;
        var resumedAt = harness.Time.GetUtcNow();
        harness.TargetGroupMetrics = (group, from, to) =>
        {
            if (harness.Record is { Promotion: PromotionRequest.None } record && record.Phase == RolloutPhase.Shifting && to >= resumedAt + TimeSpan.FromMinutes(5))
            {
                harness.Stack.Object.RequestControlAsync(record.Id, RolloutControl.Promote, CancellationToken.None).GetAwaiter().GetResult();
            }

            return PerMinute(from, to, group == Green ? 0 : 1000, 0.01, 0.2, 2);
        };

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var resumed = harness.Events.Skip(eventsBefore).ToList();
        // Back in the pause: step 1 not applied again, no new bake or extension, no second announcement.
        Assert.DoesNotContain(resumed, e => e.Kind is RolloutEventKind.Paused or RolloutEventKind.StepInconclusive
            || (e.Kind == RolloutEventKind.StepApplied && e.Message.StartsWith("Applied step 1", StringComparison.Ordinal)));
        Assert.Equal("Promoted past step 1 (10%) (SkipBake)", resumed.First(e => e.Kind == RolloutEventKind.StepBaked).Message);
        // The pause's analysis still reads the window from the step's start.
        var firstResumed = harness.MetricsQueries[queriesBefore];
        Assert.Equal(stepStart, firstResumed.From);
        Assert.True(firstResumed.To - stepStart > TimeSpan.FromMinutes(25));
    }

    [Fact]
    public async Task A_gate_alarm_during_the_termination_wait_makes_the_still_running_old_color_live_again_and_the_test_route_follow()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.Record?.Phase == RolloutPhase.TerminationWait
            ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        AssertOldColorLiveAgain(harness, result, "gate tripped: web-green-5xx is ALARM during the termination wait");
    }

    [Fact]
    public async Task A_failed_analysis_during_the_termination_wait_makes_the_old_color_live_again()
    {
        var harness = new RolloutHarness("web");
        harness.TargetGroupMetrics = (group, from, to) =>
            PerMinute(from, to, 1000, group == Green && harness.Record?.Phase == RolloutPhase.TerminationWait ? 0.2 : 0, 0.2, 2);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        AssertOldColorLiveAgain(harness, result, "canary analysis failed: web green vs blue: fail (error rate 20.00%");
    }

    private static void AssertOldColorLiveAgain(RolloutHarness harness, RolloutResult result, string cause)
    {
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains(cause, result.Message);
        Assert.Contains("the old colors still run, so they are live again (web blue)", result.Message);
        Assert.Equal((DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue)), (harness.Configs["web"].LiveColor, harness.Configs["web"].Weights));
        Assert.True(harness.Configs["web"].Blue.Running);
        // The test route follows the live color back: the last update re-applies it with blue live.
        var last = harness.Updates.Last();
        Assert.Contains("urn:web:test-rule", last.Targets);
        Assert.Equal(DeployColor.Blue, last.LiveColors["web"]);
        Assert.DoesNotContain(harness.Updates, u => u.Targets.Contains("urn:web:blue-service"));
        Assert.Contains(harness.Events, e => e.Kind == RolloutEventKind.AlarmTripped && e.Message.Contains("live again (web blue)", StringComparison.Ordinal));
        Assert.Contains(harness.Notifications, n => n.Message.StartsWith("Rolled back web to blue: ", StringComparison.Ordinal) && n.Message.Contains(cause, StringComparison.Ordinal));
    }
}
