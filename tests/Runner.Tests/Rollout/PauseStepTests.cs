using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// <c>pause</c> steps under the fake clock: the rollout waits after the step before the pause, gates and analysis
/// running, until promote, abort or its timeout; the pause is stored in the record so a resume goes on waiting.
/// </summary>
public class PauseStepTests
{
    private static RolloutPlan Plan(string steps, string timeoutAction = "rollback") =>
        RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = steps, PauseTimeoutAction = timeoutAction });

    private static RolloutEvent Started(RolloutHarness harness) => harness.Event(RolloutEventKind.HookStarted);

    private static RolloutEvent Finished(RolloutHarness harness) => harness.Event(RolloutEventKind.HookFinished);

    [Fact]
    public async Task At_a_pause_the_rollout_waits_with_gates_watched_and_tells_people_how_to_continue_until_promoted()
    {
        var harness = new RolloutHarness("web");
        var promoted = false;
        harness.AlarmState = (_, at) =>
        {
            var paused = harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.HookStarted);
            if (paused is not null && !promoted && at >= paused.At + TimeSpan.FromHours(3))
            {
                promoted = true;
                harness.Stack.Object.RequestControlAsync(harness.Record!.Id, RolloutControl.Promote, CancellationToken.None).GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(Plan("10,pause,50,100"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var started = Started(harness);
        var message = $"Rollout {started.RolloutId} paused after step 1 (10%) as its steps ask: it waits for promote without a timeout; " +
            "gates and canary analysis stay watched. Continue with: infra-runner promote --stack production; roll back with: infra-runner abort --stack production";
        Assert.Equal(message, started.Message);
        Assert.Contains((NotificationSeverity.Info, message), harness.Notifications);
        Assert.Equal(new Dictionary<string, string> { ["hook"] = "pause:1", ["at"] = "post-step" }, started.Data);
        // The 10% step baked its 5 minutes, then nothing moved until the promote three hours into the pause.
        Assert.Equal(harness.TrafficUpdates.First().At + TimeSpan.FromMinutes(5), started.At);
        Assert.Contains(harness.AlarmReads, at => at > started.At + TimeSpan.FromHours(2) && at < started.At + TimeSpan.FromHours(3));
        Assert.Contains(harness.Events, e => e.Kind == RolloutEventKind.CanaryAnalysed && e.At > started.At + TimeSpan.FromHours(2));
        var second = harness.TrafficUpdates.Skip(1).First();
        Assert.True(second.At >= started.At + TimeSpan.FromHours(3), $"{second.At}");
        Assert.Equal(new TrafficWeights(50, 50), second.Weights["web"]);
        var finished = Finished(harness);
        Assert.Equal(
            new Dictionary<string, string> { ["hook"] = "pause:1", ["at"] = "post-step", ["result"] = "ok", ["durationSeconds"] = "10800", ["output"] = "promote" },
            finished.Data);
    }

    [Fact]
    public async Task A_timed_pause_without_promote_rolls_back_at_its_timeout_by_default()
    {
        var harness = new RolloutHarness("web");

        var result = await harness.Engine.DeployAsync(Plan("10,pause:30m,50,100"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("the pause after step 1 (10%) timed out after 0:30:00 without promote; pauseTimeoutAction is rollback", result.Message);
        var started = Started(harness);
        var finished = Finished(harness);
        Assert.Equal(started.At + TimeSpan.FromMinutes(30), finished.At);
        Assert.Equal(("timeout", "1800", "timed out; pauseTimeoutAction rollback"), (finished.Data["result"], finished.Data["durationSeconds"], finished.Data["output"]));
        Assert.Equal(1, harness.TrafficUpdates.Count(u => u.Weights["web"] == new TrafficWeights(90, 10)));
        Assert.DoesNotContain(harness.TrafficUpdates, u => u.Weights["web"] == new TrafficWeights(50, 50));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Balancer["web"]);
        Assert.Contains("for up to 0:30:00, then it rolls back (pauseTimeoutAction)", started.Message);
    }

    [Fact]
    public async Task A_timed_pause_with_pauseTimeoutAction_promote_goes_on_at_its_timeout()
    {
        var harness = new RolloutHarness("web");

        var result = await harness.Engine.DeployAsync(Plan("10,pause:30m,50,100", "promote"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var finished = Finished(harness);
        Assert.Equal(Started(harness).At + TimeSpan.FromMinutes(30), finished.At);
        Assert.Equal(("timeout", "timed out; pauseTimeoutAction promote"), (finished.Data["result"], finished.Data["output"]));
        Assert.Equal(finished.At, harness.TrafficUpdates.Single(u => u.Weights["web"] == new TrafficWeights(50, 50)).At);
        Assert.Contains("for up to 0:30:00, then it goes on as if promoted (pauseTimeoutAction)", Started(harness).Message);
    }

    [Fact]
    public async Task A_gate_that_trips_during_a_pause_rolls_back_at_once()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, at) =>
        {
            var paused = harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.HookStarted);
            return name == "web-green-5xx" && paused is not null && at >= paused.At + TimeSpan.FromMinutes(7) ? AlarmState.Alarm : AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(Plan("10,pause,50,100"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("gate tripped during the pause after step 1 (10%): web-green-5xx is ALARM", result.Message);
        Assert.Equal(("failed", "gate tripped"), (Finished(harness).Data["result"], Finished(harness).Data["output"]));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Balancer["web"]);
    }

    [Fact]
    public async Task An_abort_during_a_pause_rolls_back()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, at) =>
        {
            var paused = harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.HookStarted);
            if (paused is not null && harness.Record is { StopRequest: null } record && at >= paused.At + TimeSpan.FromMinutes(2))
            {
                harness.Stack.Object.RequestControlAsync(record.Id, RolloutControl.Abort, CancellationToken.None).GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(Plan("10,pause,50,100"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("abort requested by ops-laptop (pid 4242) during the pause after step 1 (10%)", result.Message);
        Assert.Equal("failed", Finished(harness).Data["result"]);
    }

    [Fact]
    public async Task A_rollout_interrupted_in_a_pause_keeps_it_in_its_record_and_resume_waits_only_what_is_left()
    {
        var harness = new RolloutHarness("web");
        using var kill = new CancellationTokenSource();
        harness.AlarmState = (_, at) =>
        {
            var paused = harness.Events.FirstOrDefault(e => e.Kind == RolloutEventKind.HookStarted);
            if (paused is not null && at >= paused.At + TimeSpan.FromMinutes(20)) kill.Cancel();
            return AlarmState.Ok;
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(Plan("10,pause:30m,50,100"), kill.Token));
        harness.AlarmState = (_, _) => AlarmState.Ok;
        var pausedAt = Started(harness).At;
        var stored = harness.Record!;
        Assert.Equal((RolloutPhase.Shifting, 0, pausedAt), (stored.Phase, stored.StepIndex, stored.PhaseStartedAt));
        Assert.Equal([new HookRecord("pause:1", HookState.Running, null, pausedAt)], stored.Hooks);
        var updatesBefore = harness.TrafficUpdates.Count();

        var result = await harness.Engine.ResumeAsync();

        // The 10% step is not re-applied or baked again; the pause ends 30 minutes after it began, not after the resume.
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("the pause after step 1 (10%) timed out after 0:30:00", result.Message);
        Assert.Equal(pausedAt + TimeSpan.FromMinutes(30), Finished(harness).At);
        Assert.Equal(updatesBefore + 1, harness.TrafficUpdates.Count());
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.TrafficUpdates.Last().Weights["web"]);
    }

    [Fact]
    public async Task A_promote_of_a_paused_rollout_says_it_ends_the_pause_and_a_resume_acts_on_it()
    {
        var harness = new RolloutHarness("web");
        var plan = Plan("10,pause,50,100");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord("r-1", RolloutHarness.Start, plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None, Hooks: [new HookRecord("pause:1", HookState.Running, null, RolloutHarness.Start)]));
        harness.Given(new ServiceConfig("web", DeployColor.Blue, new TrafficWeights(90, 10), new ColorConfig("web:1", true), new ColorConfig("web:2", true)));

        var promote = await harness.Engine.PromoteAsync(full: false);
        var result = await harness.Engine.ResumeAsync();

        Assert.Equal("Promotion requested for rollout r-1: end the pause after step 1 and go on with the next step (no runner is executing it now: resume acts on it)",
            promote.Message);
        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(RolloutHarness.Start, Finished(harness).At);
        Assert.Equal(new TrafficWeights(50, 50), harness.TrafficUpdates.First().Weights["web"]);
    }

    [Fact]
    public async Task Promote_full_before_a_pause_skips_it()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, _) =>
        {
            if (harness.Record is { Phase: RolloutPhase.Shifting, StepIndex: 0, Promotion: PromotionRequest.None } record && harness.TrafficUpdates.Any())
            {
                harness.Stack.Object.RequestControlAsync(record.Id, RolloutControl.PromoteFull, CancellationToken.None).GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(Plan("10,pause,50,100"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.DoesNotContain(harness.Events, e => e.Kind is RolloutEventKind.HookStarted or RolloutEventKind.Paused);
    }
}
