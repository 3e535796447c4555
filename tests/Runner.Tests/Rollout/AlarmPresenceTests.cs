using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>Gate alarms that do not exist fail closed: no rollout starts without them, and one vanishing mid-bake rolls back.</summary>
public class AlarmPresenceTests
{
    private const string MissingMessage =
        "these watched alarms do not exist in CloudWatch region eu-west-1: web-green-unhealthy, web-error-rate; no traffic moved. "
        + "The runner reads alarms in the stack's aws:region: apply the stack's alarms there (a full update), then retry";

    [Fact]
    public async Task Deploy_with_missing_watched_alarms_exits_2_naming_them_and_the_region_and_changes_nothing()
    {
        var harness = new RolloutHarness("web");
        var before = harness.Configs["web"];
        harness.AlarmState = (name, _) => name is "web-green-unhealthy" or "web-error-rate" ? AlarmState.Missing : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(MissingMessage, result.Message);
        Assert.Empty(harness.Updates);
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Deploy_refuses_a_missing_alarm_even_under_the_default_insufficient_data_policy()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name == "web-green-5xx" ? AlarmState.Missing : AlarmState.InsufficientData;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.StartsWith("these watched alarms do not exist in CloudWatch region eu-west-1: web-green-5xx; no traffic moved.", result.Message);
    }

    [Fact]
    public async Task Resume_before_the_smoke_check_with_missing_alarms_exits_2_and_keeps_the_record()
    {
        var harness = new RolloutHarness("web");
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.SmokeTesting, 0, RolloutHarness.Start, PromotionRequest.None);
        harness.StoredRecord = RolloutRecordJson.Serialize(record);
        harness.AlarmState = (name, _) => name is "web-green-unhealthy" or "web-error-rate" ? AlarmState.Missing : AlarmState.Ok;

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(MissingMessage, result.Message);
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Empty(harness.Updates);
        Assert.Equal(RolloutRecordJson.Serialize(record), harness.StoredRecord);
    }

    [Fact]
    public async Task An_alarm_that_disappears_while_baking_rolls_back()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.TrafficUpdates.Any() ? AlarmState.Missing : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: gate tripped at step 1 (10%): web-green-5xx is MISSING", result.Message);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), harness.Updates[^2].Targets);
    }
}
