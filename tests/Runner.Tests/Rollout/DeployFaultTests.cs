using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

public class DeployFaultTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Gate_alarm_at_step_2_rolls_back_within_one_poll_interval_targeting_only_the_listener_rule()
    {
        var harness = new RolloutHarness("web");
        DateTimeOffset? alarmAt = null;
        harness.AlarmState = (name, at) =>
        {
            var step2 = harness.TrafficUpdates.Skip(1).FirstOrDefault();
            if (step2 is null || name != "web-green-5xx")
            {
                return AlarmState.Ok;
            }

            alarmAt ??= step2.At + TimeSpan.FromSeconds(25);
            return at >= alarmAt ? AlarmState.Alarm : AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Rolled back web to blue: gate tripped at step 2 (50%): web-green-5xx is ALARM", result.Message);
        var rollback = harness.Updates[^2];
        Assert.Equal(RolloutHarness.TrafficUrns("web"), rollback.Targets);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), rollback.Weights["web"]);
        Assert.InRange(rollback.At - alarmAt!.Value, TimeSpan.Zero, Interval);
        Assert.Equal(5, harness.Updates.Count); // deploy, 10%, 50%, rollback, green restored
        Assert.Equal("Gate tripped at step 2 (50%): web-green-5xx is ALARM", harness.Event(RolloutEventKind.AlarmTripped).Message);
        Assert.Equal(DeployColor.Blue, harness.Configs["web"].LiveColor);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Smoke_check_failure_moves_no_traffic_and_scales_the_idle_color_back_to_its_previous_config()
    {
        var harness = new RolloutHarness("web");
        var before = harness.Configs["web"];
        harness.SmokeResult = _ => new SmokeCheckResult(false, "2 of 3 answers were 503");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            $"Rollout {id} stopped before any traffic moved: smoke check failed for web at https://test.example:8443/web/health: 2 of 3 answers were 503",
            result.Message);
        Assert.Empty(harness.TrafficUpdates);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Equal(2, harness.Updates.Count);
        Assert.Equal(harness.Updates[0].Targets, harness.Updates[1].Targets);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task After_a_failed_smoke_check_a_deploy_without_an_image_does_not_re_release_the_failed_one()
    {
        var harness = new RolloutHarness("web");
        harness.SmokeResult = _ => new SmokeCheckResult(false, "503");
        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web"));

        Assert.Equal("service web has no image for green yet; pass --service web=IMAGE", result.Message);
    }

    [Fact]
    public async Task Smoke_check_failure_restores_an_idle_color_that_already_had_an_image_and_says_when_applying_it_failed()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Green = new ColorConfig("web:1", false) });
        harness.SmokeResult = _ => new SmokeCheckResult(false, "503");
        harness.UpdateFault = (number, _) => number == 2 ? new InvalidOperationException("ECS API throttled") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.EndsWith(
            "smoke check failed for web at https://test.example:8443/web/health: 503; the new colors' previous config is restored "
            + "but applying it failed (ECS API throttled), so they may still run the new image until the next update",
            result.Message);
        Assert.Equal(new ColorConfig("web:1", false), harness.Configs["web"].Green);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Update_failing_mid_step_rolls_back()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number == 3 ? new InvalidOperationException("listener rule update timed out") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: step 2 (50%) update failed: listener rule update timed out", result.Message);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), harness.Updates[^2].Targets);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Updates[^2].Weights["web"]);
        Assert.Equal(5, harness.Updates.Count);
    }

    [Fact]
    public async Task Failed_rollback_exits_3_and_the_journal_and_critical_notification_name_each_split_service_and_its_weights()
    {
        var harness = new RolloutHarness("web", "api");
        harness.AlarmState = (name, _) => name == "api-green-5xx" && harness.TrafficUpdates.Count() >= 2 ? AlarmState.Alarm : AlarmState.Ok;
        harness.UpdateFault = (number, _) => number == 4 ? new InvalidOperationException("ELB API throttled") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:7"));

        var id = harness.Events[0].RolloutId;
        var expected = $"Rollback of {id} FAILED (ELB API throttled); traffic may be split: "
            + "web at blue=50 green=50 (or blue=100 green=0 if a failed update reached it); "
            + "api at blue=50 green=50 (or blue=100 green=0 if a failed update reached it). Run rollback again once the stack is free.";
        Assert.Equal(RolloutOutcome.RollbackFailed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(expected, result.Message);
        var journaled = harness.Event(RolloutEventKind.RollbackFailed);
        Assert.Equal(expected, journaled.Message);
        Assert.Equal("blue=50 green=50 | blue=100 green=0", journaled.Data["web"]);
        Assert.Equal("blue=50 green=50 | blue=100 green=0", journaled.Data["api"]);
        Assert.Contains((NotificationSeverity.Critical, expected), harness.Notifications);
        Assert.Equal(RolloutPhase.RollingBack, harness.Record!.Phase);
    }

    [Fact]
    public async Task Failed_rollback_after_a_failed_step_update_lists_every_weight_the_service_may_be_at()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number >= 3 ? new InvalidOperationException("ELB API throttled") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RollbackFailed, result.Outcome);
        Assert.Contains(
            "web at blue=90 green=10 (or blue=50 green=50, or blue=100 green=0 if a failed update reached it)",
            result.Message);
    }

    [Fact]
    public async Task Stack_busy_on_the_first_update_exits_4_and_changes_nothing()
    {
        var harness = new RolloutHarness("web");
        var before = harness.Configs["web"];
        harness.UpdateFault = (number, _) => number == 1 ? new StackBusyException("update 42 is running") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.StackBusy, result.Outcome);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal("The stack is busy with another update (update 42 is running); the deploy was not started", result.Message);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Null(harness.StoredRecord);
        Assert.Single(harness.Updates);
        Assert.Empty(harness.TrafficUpdates);
    }

    [Fact]
    public async Task A_flapping_alarm_still_rolls_back_the_first_alarm_wins()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, at) =>
        {
            var step1 = harness.TrafficUpdates.FirstOrDefault();
            var offset = step1 is null ? TimeSpan.MinValue : at - step1.At;
            return name == "web-green-unhealthy" && offset >= TimeSpan.FromSeconds(20) && offset < TimeSpan.FromSeconds(30)
                ? AlarmState.Alarm
                : AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: gate tripped at step 1 (10%): web-green-unhealthy is ALARM", result.Message);
        Assert.Equal(2, harness.TrafficUpdates.Count());
        Assert.Equal(harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(20), harness.Updates[^1].At);
    }

    [Fact]
    public async Task Insufficient_data_is_not_a_failure_under_the_default_policy()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name.StartsWith("web-green", StringComparison.Ordinal) ? AlarmState.InsufficientData : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Single(harness.Smoke.Invocations);
    }

    [Fact]
    public async Task Insufficient_data_rolls_back_under_the_fail_policy()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name.StartsWith("web-green", StringComparison.Ordinal) ? AlarmState.InsufficientData : AlarmState.Ok;
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], InsufficientData = "fail" });

        var result = await harness.Engine.DeployAsync(plan);

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            "Rolled back web to blue: gate tripped at step 1 (10%): web-green-5xx is INSUFFICIENT_DATA, web-green-unhealthy is INSUFFICIENT_DATA",
            result.Message);
        Assert.Equal(harness.TrafficUpdates.First().At, harness.Updates[^1].At);
    }

    [Fact]
    public async Task A_gate_alarm_on_one_service_rolls_back_all_services_together()
    {
        var harness = new RolloutHarness("web", "api");
        harness.AlarmState = (name, _) => name == "api-error-rate" && harness.TrafficUpdates.Count() >= 2 ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:7"));

        Assert.Equal("Rolled back web to blue, api to blue: gate tripped at step 2 (50%): api-error-rate is ALARM", result.Message);
        var rollback = harness.Updates[^2];
        Assert.Equal(RolloutHarness.TrafficUrns("web", "api"), rollback.Targets);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), rollback.Weights["web"]);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), rollback.Weights["api"]);
    }

    [Fact]
    public async Task An_alarm_reader_failure_while_baking_rolls_back_rather_than_shifting_blind()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, _) => harness.TrafficUpdates.Any() ? throw new HttpRequestException("CloudWatch unavailable") : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: Shifting failed: CloudWatch unavailable", result.Message);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task An_alarm_reader_failure_before_the_rollout_starts_changes_nothing()
    {
        var harness = new RolloutHarness("web");
        var before = harness.Configs["web"];
        harness.AlarmState = (_, _) => throw new HttpRequestException("CloudWatch unavailable");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2")));

        Assert.Equal("CloudWatch unavailable", error.Message);
        Assert.Empty(harness.Updates);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_failed_notification_is_journaled_and_does_not_stop_the_rollback()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number == 2 ? new InvalidOperationException("boom") : null;
        harness.Notifier.Setup(n => n.NotifyAsync(It.IsAny<NotificationSeverity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("slack down"));

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Could not send Info notification: slack down", harness.Event(RolloutEventKind.NotifyFailed).Message);
    }

    [Fact]
    public async Task Rollback_run_again_after_a_failed_rollback_reverts_and_clears_the_record()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) => number >= 3 ? new InvalidOperationException("ELB API throttled") : null;
        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));
        harness.UpdateFault = (_, _) => null;

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Updates[^1].Weights["web"]);
        Assert.Null(harness.StoredRecord);
    }
}
