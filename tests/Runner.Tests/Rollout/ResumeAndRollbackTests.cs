using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

public class ResumeAndRollbackTests
{
    /// <summary>Runs a deploy and kills it (cancellation) one minute into the bake of step 2.</summary>
    private static async Task<RolloutHarness> KilledMidBakeOfStep2Async(params string[] services)
    {
        var harness = new RolloutHarness(services);
        using var kill = new CancellationTokenSource();
        harness.AlarmState = (_, at) =>
        {
            var step2 = harness.TrafficUpdates.Skip(1).FirstOrDefault();
            if (step2 is not null && at >= step2.At + TimeSpan.FromMinutes(1))
            {
                kill.Cancel();
            }

            return AlarmState.Ok;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Engine.DeployAsync(RolloutHarness.Plan(services.Select(s => $"{s}={s}:2").ToArray()), kill.Token));
        harness.AlarmState = (_, _) => AlarmState.Ok;
        return harness;
    }

    [Fact]
    public async Task A_killed_rollout_keeps_its_record_at_the_step_it_was_baking()
    {
        var harness = await KilledMidBakeOfStep2Async("web");

        Assert.Equal((RolloutPhase.Shifting, 1), (harness.Record!.Phase, harness.Record.StepIndex));
        Assert.Equal(new TrafficWeights(50, 50), harness.Configs["web"].Weights);
        var message = $"Rollout {harness.Record.Id} interrupted in phase Shifting at step 2; its record is kept: run resume or rollback"
            + " — traffic is split: web at blue=50 green=50";
        Assert.Equal(message, harness.Event(RolloutEventKind.Interrupted).Message);
        // Traffic is split: people are paged, and the hold is given up so any machine can resume or roll back at once.
        Assert.Contains((NotificationSeverity.Critical, message), harness.Notifications);
        Assert.Equal(1, harness.Releases);
    }

    [Fact]
    public async Task Resume_continues_from_the_recorded_step_without_redeploying_or_smoke_testing()
    {
        var harness = await KilledMidBakeOfStep2Async("web");
        var updatesBefore = harness.Updates.Count;

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var resumed = harness.Updates.Skip(updatesBefore).ToList();
        Assert.Equal([new TrafficWeights(50, 50), new TrafficWeights(0, 100)], resumed.Take(2).Select(u => u.Weights["web"]));
        Assert.Equal(["urn:web:test-rule"], resumed[^2].Targets);
        Assert.Equal(["urn:web:blue-service", "urn:web:blue-scaling"], resumed[^1].Targets);
        Assert.Equal(4, resumed.Count);
        Assert.Single(harness.Smoke.Invocations);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
    }

    [Fact]
    public async Task Rollback_after_a_kill_reverts_every_service_with_a_listener_only_update()
    {
        var harness = await KilledMidBakeOfStep2Async("web", "api");

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue, api to blue: rollback requested by operator", result.Message);
        Assert.Equal(RolloutHarness.TrafficUrns("web", "api"), harness.Updates[^2].Targets);
        Assert.All(harness.Configs.Values, c => Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), c.Weights));
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Rollback_of_one_service_is_refused_while_a_rollout_holds_several()
    {
        var harness = await KilledMidBakeOfStep2Async("web", "api");
        var id = harness.Record!.Id;

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"rollout {id} is in progress and its services (web, api) roll back together; run rollback without --service", result.Message);
    }

    [Fact]
    public async Task Rollback_on_a_busy_stack_exits_4_and_restores_the_config_it_touched()
    {
        var harness = await KilledMidBakeOfStep2Async("web");
        var before = harness.Configs["web"];
        var record = harness.StoredRecord;
        harness.UpdateFault = (_, _) => new StackBusyException("update 43 is running");

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal(RolloutOutcome.StackBusy, result.Outcome);
        Assert.Equal("The stack is busy with another update (update 43 is running); nothing was rolled back", result.Message);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Equal(record, harness.StoredRecord);
    }

    [Fact]
    public async Task Rollback_without_a_rollout_puts_the_named_service_back_on_its_live_color()
    {
        var harness = new RolloutHarness("web", "api");
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(70, 30) });

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal("Rolled back web to blue: rollback requested by operator", result.Message);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), Assert.Single(harness.Updates).Targets);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task Rollback_with_every_service_already_on_its_live_color_changes_nothing_and_succeeds()
    {
        var harness = new RolloutHarness("web", "api");
        harness.Given(harness.Configs["api"] with { LiveColor = DeployColor.Green, Weights = TrafficWeights.AllTo(DeployColor.Green) });

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal((RolloutOutcome.Succeeded, 0), (result.Outcome, result.ExitCode));
        Assert.Equal("Nothing to roll back: every service already sends all traffic to its live color (api green, web blue)", result.Message);
        Assert.Empty(harness.Updates);
        Assert.Empty(harness.Events);
        Assert.Empty(harness.Notifications);
    }

    [Fact]
    public async Task Rollback_updates_when_the_deployed_weights_are_split_though_the_stack_file_is_at_rest()
    {
        var harness = new RolloutHarness("web");
        harness.Deployed["web"] = (DeployColor.Blue, new TrafficWeights(90, 10));

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal((RolloutOutcome.RolledBack, "Rolled back web to blue: rollback requested by operator"), (result.Outcome, result.Message));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), Assert.Single(harness.Updates).Weights["web"]);
    }

    [Fact]
    public async Task Abort_rolls_back_the_rollout_in_progress()
    {
        var harness = await KilledMidBakeOfStep2Async("web");

        var result = await harness.Engine.AbortAsync();

        Assert.Equal("Rolled back web to blue: aborted by operator", result.Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Resume_in_the_termination_wait_waits_only_what_is_left_before_scaling_down()
    {
        var harness = new RolloutHarness("web");
        var plan = RolloutHarness.Plan("web=web:2");
        harness.Given(harness.Configs["web"] with { LiveColor = DeployColor.Green, Weights = TrafficWeights.AllTo(DeployColor.Green) });
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start - TimeSpan.FromHours(1), plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.TerminationWait, 2, RolloutHarness.Start - TimeSpan.FromMinutes(10), PromotionRequest.None));

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal("Rollout r1 succeeded: web -> green live, old colors scaled to zero", result.Message);
        Assert.Equal(RolloutHarness.Start + TimeSpan.FromMinutes(5), Assert.Single(harness.Updates).At);
    }

    [Fact]
    public async Task Rollback_during_the_termination_wait_makes_the_old_color_live_again()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { LiveColor = DeployColor.Green, Weights = TrafficWeights.AllTo(DeployColor.Green) });
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.TerminationWait, 2, RolloutHarness.Start, PromotionRequest.None));

        await harness.Engine.RollbackAsync();

        Assert.Equal(DeployColor.Blue, harness.Configs["web"].LiveColor);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task Status_reports_configs_the_rollout_in_progress_and_every_alarm_state()
    {
        var harness = await KilledMidBakeOfStep2Async("web");
        harness.AlarmState = (name, _) => name == "web-blue-5xx" ? AlarmState.Alarm : AlarmState.Ok;

        var status = await harness.Engine.GetStatusAsync();

        Assert.Equal(new TrafficWeights(50, 50), Assert.Single(status.Services).Weights);
        Assert.Equal(1, status.InProgress!.StepIndex);
        Assert.Equal(AlarmState.Alarm, status.AlarmStates["web-blue-5xx"]);
        Assert.Equal(5, status.AlarmStates.Count);
    }

    [Fact]
    public async Task Status_reports_configs_and_the_rollout_in_progress_when_the_alarms_cannot_be_read()
    {
        var harness = await KilledMidBakeOfStep2Async("web");
        harness.Alarms.Setup(a => a.ReadStatesAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NotSupportedException("the offline AWSSDK.CloudWatch cannot reach AWS"));

        var status = await harness.Engine.GetStatusAsync();

        Assert.Equal(new TrafficWeights(50, 50), Assert.Single(status.Services).Weights);
        Assert.Equal(1, status.InProgress!.StepIndex);
        Assert.Empty(status.AlarmStates);
        Assert.Equal("5 alarms could not be read in eu-west-1: the offline AWSSDK.CloudWatch cannot reach AWS", status.AlarmsUnreadable);
    }
}
