using Infra.Runner;
using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// A rollout other machines share: requests reach the runner executing it, stops are recorded before anything is
/// restored, a busy stack is waited out, and a runner that loses the rollout stops touching the stack.
/// </summary>
public class SharedRolloutTests
{
    [Theory]
    [InlineData(RolloutControl.Abort, "abort")]
    [InlineData(RolloutControl.Rollback, "rollback")]
    public async Task A_stop_requested_from_another_machine_is_carried_out_by_the_runner_executing_the_rollout(RolloutControl control, string name)
    {
        var harness = new RolloutHarness("web") { HeldByRunningRunner = true };
        RolloutResult? request = null;
        harness.AlarmState = (_, at) =>
        {
            if (request is null && harness.TrafficUpdates.Count() == 1 && at >= harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(30))
            {
                request = control == RolloutControl.Abort
                    ? harness.Engine.AbortAsync().GetAwaiter().GetResult()
                    : harness.Engine.RollbackAsync().GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(
            (RolloutOutcome.Succeeded, $"{name} requested for rollout {id}: the runner executing it rolls it back at its next poll "
                + "(if that runner is gone, whoever resumes the rollout with --take-over once its hold expires does); follow it with status or history"),
            (request!.Outcome, request.Message));
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal($"Rolled back web to blue: {name} requested by ops-laptop (pid 4242) at step 1 (10%)", result.Message);
        // The request came within the first poll interval after the 30 s mark, and nothing undid it.
        Assert.Equal([new TrafficWeights(90, 10), TrafficWeights.AllTo(DeployColor.Blue)], harness.TrafficUpdates.Select(u => u.Weights["web"]));
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Resume_of_a_rollout_with_a_stored_abort_rolls_it_back_instead_of_continuing()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(90, 10), Green = new ColorConfig("web:2", true) });
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None, new RolloutStopRequest("abort", "ci run 77")));

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal("Rolled back web to blue: abort requested by ci run 77", result.Message);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), Assert.Single(harness.TrafficUpdates).Weights["web"]);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_stop_after_a_failed_smoke_check_is_recorded_before_the_new_color_is_restored()
    {
        var harness = new RolloutHarness("web");
        harness.SmokeResult = _ => new SmokeCheckResult(false, "503");
        RolloutRecord? duringRestore = null;
        harness.UpdateFault = (number, _) =>
        {
            if (number == 2) duringRestore = harness.Record;
            return null;
        };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutPhase.Stopping, duringRestore!.Phase);
    }

    [Fact]
    public async Task Resume_after_a_kill_during_the_restore_finishes_the_stop_and_never_shifts_traffic()
    {
        var harness = new RolloutHarness("web");
        harness.SmokeResult = _ => new SmokeCheckResult(false, "503");
        using var kill = new CancellationTokenSource();
        harness.UpdateFault = (number, _) =>
        {
            if (number != 2) return null;
            kill.Cancel();
            return new OperationCanceledException(kill.Token);
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"), kill.Token));
        harness.UpdateFault = (_, _) => null;
        harness.SmokeResult = _ => new SmokeCheckResult(true, "3 x 200");

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.EndsWith("stopped before any traffic moved: finishing an interrupted stop", result.Message);
        Assert.Empty(harness.TrafficUpdates);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_busy_stack_during_a_step_is_waited_out_with_backoff()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number is 2 or 3 ? new StackBusyException("[409] Conflict: Another update is currently in progress.") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Updates[2].At - harness.Updates[1].At);
        Assert.Equal(TimeSpan.FromSeconds(15), harness.Updates[3].At - harness.Updates[2].At);
        Assert.Equal(
            ["The stack is busy with another update at step 1 (10%); retry 1 in 5s", "The stack is busy with another update at step 1 (10%); retry 2 in 15s"],
            harness.Events.Where(e => e.Kind == RolloutEventKind.StackBusy).Select(e => e.Message));
    }

    [Fact]
    public async Task A_stack_that_stays_busy_through_every_retry_rolls_the_step_back()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number is >= 2 and <= 5 ? new StackBusyException("[409] Conflict: Another update is currently in progress.") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("step 1 (10%) update failed: [409] Conflict: Another update is currently in progress.", result.Message);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task A_runner_that_loses_the_rollout_stops_touching_the_stack_and_exits_with_the_held_code()
    {
        var harness = new RolloutHarness("web");
        var writes = 0;
        harness.Stack.Setup(s => s.WriteRolloutRecordAsync(It.IsAny<RolloutRecord>(), It.IsAny<CancellationToken>()))
            .Returns((RolloutRecord record, CancellationToken _) =>
            {
                if (++writes == 3) throw new RolloutLeaseException("runner-b (pid 99) took over the rollout at 2026-03-01T12:02:00Z");
                harness.StoredRecord = RolloutRecordJson.Serialize(record);
                return Task.CompletedTask;
            });

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolloutHeld, result.Outcome);
        Assert.Equal(ExitCodes.RolloutHeld, result.ExitCode);
        Assert.EndsWith("runner-b (pid 99) took over the rollout at 2026-03-01T12:02:00Z; this runner stopped touching the stack", result.Message);
        var updates = harness.Updates.Count;
        Assert.Empty(harness.TrafficUpdates);
        Assert.Equal(1, updates);
    }

    [Fact]
    public async Task A_deploy_that_loses_the_race_for_the_rollout_changes_nothing()
    {
        var harness = new RolloutHarness("web");
        harness.Stack.Setup(s => s.WriteRolloutRecordAsync(It.IsAny<RolloutRecord>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RolloutLeaseException("rollout r2 is held by runner-b (pid 99) until 2026-03-01T12:05:00Z"));

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal((RolloutOutcome.RolloutHeld, "rollout r2 is held by runner-b (pid 99) until 2026-03-01T12:05:00Z"), (result.Outcome, result.Message));
        Assert.Empty(harness.Updates);
        Assert.Empty(harness.Events);
        Assert.Null(harness.Configs["web"].Green.Image);
    }

    [Fact]
    public async Task Promote_with_no_runner_executing_the_rollout_is_stored_for_resume()
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None));

        var result = await harness.Engine.PromoteAsync(full: true);

        Assert.Equal("Promotion requested for rollout r1: skip the remaining steps and bakes (no runner is executing it now: resume acts on it)", result.Message);
        Assert.Equal(PromotionRequest.Full, harness.Record!.Promotion);
    }

    [Fact]
    public async Task A_promote_never_replaces_a_pending_abort()
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None, new RolloutStopRequest("abort", "ci run 77")));

        var result = await harness.Engine.PromoteAsync(full: true);

        Assert.Equal((RolloutOutcome.BadInput, "rollout r1 has a pending abort requested by ci run 77; a promote would replace it, so it is refused"),
            (result.Outcome, result.Message));
        Assert.Equal(new RolloutStopRequest("abort", "ci run 77"), harness.Record!.StopRequest);
    }

    [Fact]
    public async Task A_cancel_during_a_stop_that_a_request_started_still_pages_and_gives_the_hold_up()
    {
        var harness = new RolloutHarness("web") { HeldByRunningRunner = true };
        using var cancel = new CancellationTokenSource();
        harness.AlarmState = (_, at) =>
        {
            if (harness.Record?.StopRequest is null && harness.TrafficUpdates.Count() == 1 && at >= harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(30))
            {
                harness.Engine.AbortAsync().GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };
        harness.UpdateFault = (number, targets) =>
        {
            if (number != 3) return null;
            cancel.Cancel();
            return new OperationCanceledException(cancel.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"), cancel.Token));

        Assert.Equal(RolloutPhase.RollingBack, harness.Record!.Phase);
        Assert.Contains(harness.Notifications, n => n.Severity == NotificationSeverity.Critical && n.Message.Contains("traffic is split: web at"));
        Assert.Equal(1, harness.Releases);
    }

    [Fact]
    public async Task A_rollback_inside_a_rollout_waits_out_a_busy_stack_instead_of_leaving_traffic_split()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.TrafficUpdates.Any() ? AlarmState.Alarm : AlarmState.Ok;
        harness.UpdateFault = (number, _) => number == 3 ? new StackBusyException("[409] Conflict: Another update is currently in progress.") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
        Assert.Equal("The stack is busy with another update while rolling back; retry 1 in 5s", harness.Event(RolloutEventKind.StackBusy).Message);
    }
}
