using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>A ledger that disagrees with what was last deployed is refused before anything changes, except where a rollout record explains the difference.</summary>
public class StaleConfigTests
{
    private const string Fix = "the ledger and the stack disagree, so nothing was changed — see infra-runner status --stack production and history, "
        + "then run pulumi up (it declares the ledger's release) or pulumi refresh before retrying";

    private static RolloutHarness DeployedGreenWithStaleBlueFile()
    {
        var harness = new RolloutHarness("web", "api");
        harness.Deployed["web"] = (DeployColor.Green, TrafficWeights.AllTo(DeployColor.Green));
        return harness;
    }

    private static RolloutHarness Recorded(RolloutPhase phase, int step, DeployColor deployedLive)
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            phase, step, RolloutHarness.Start, PromotionRequest.None));
        harness.Deployed["web"] = (deployedLive, harness.Deployed["web"].Weights);
        return harness;
    }

    [Fact]
    public async Task Deploy_from_a_stale_stack_file_exits_2_naming_the_service_both_states_and_the_fix()
    {
        var harness = DeployedGreenWithStaleBlueFile();

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("api=api:2", "web=web:2"));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "service web: the release ledger says live color blue with weights blue 100 / green 0, but the deployed stack says green with blue 0 / green 100; " + Fix,
            result.Message);
        Assert.Empty(harness.Updates);
        Assert.Null(harness.StoredRecord);
        Assert.Null(harness.Configs["api"].Green.Image);
    }

    [Fact]
    public async Task Deploy_is_refused_when_only_the_deployed_weights_differ()
    {
        var harness = new RolloutHarness("web");
        harness.Deployed["web"] = (DeployColor.Blue, new TrafficWeights(50, 50));

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(
            "service web: the release ledger says live color blue with weights blue 100 / green 0, but the deployed stack says blue with blue 50 / green 50; " + Fix,
            result.Message);
    }

    [Fact]
    public async Task Rollback_without_a_rollout_from_a_stale_stack_file_exits_2_and_moves_nothing()
    {
        var harness = DeployedGreenWithStaleBlueFile();

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal("service web: the release ledger says live color blue, but the deployed stack says green; " + Fix, result.Message);
        Assert.Empty(harness.Updates);
    }

    [Fact]
    public async Task Rollback_without_a_rollout_repairs_weights_that_differ_from_the_deployed_ones()
    {
        var harness = new RolloutHarness("web");
        harness.Configs["web"] = harness.Configs["web"] with { Weights = new TrafficWeights(60, 40) };
        harness.Deployed["web"] = (DeployColor.Blue, new TrafficWeights(90, 10));

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), Assert.Single(harness.Updates).Weights["web"]);
    }

    [Fact]
    public async Task Resume_works_while_the_deployed_weights_still_lag_the_recorded_step()
    {
        // Killed after writing step 2's weights to config, before its update: the stack still serves step 1.
        var harness = Recorded(RolloutPhase.Shifting, 1, DeployColor.Blue);
        harness.Configs["web"] = harness.Configs["web"] with { Weights = new TrafficWeights(50, 50), Green = new ColorConfig("web:2", true) };
        harness.Deployed["web"] = (DeployColor.Blue, new TrafficWeights(90, 10));

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(new TrafficWeights(50, 50), harness.TrafficUpdates.First().Weights["web"]);
    }

    [Fact]
    public async Task Rollback_of_a_recorded_rollout_works_while_the_weights_are_split()
    {
        var harness = Recorded(RolloutPhase.Shifting, 1, DeployColor.Blue);
        harness.Configs["web"] = harness.Configs["web"] with { Weights = new TrafficWeights(50, 50) };
        harness.Deployed["web"] = (DeployColor.Blue, new TrafficWeights(50, 50));

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal("Rolled back web to blue: rollback requested by operator", result.Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Resume_of_a_record_the_deployed_stack_has_moved_past_exits_2_and_changes_nothing()
    {
        // This file still holds a rollout at step 2, but it finished elsewhere: green is live.
        var harness = Recorded(RolloutPhase.Shifting, 1, DeployColor.Green);
        var record = harness.StoredRecord;

        var resume = await harness.Engine.ResumeAsync();
        var rollback = await harness.Engine.RollbackAsync();

        var expected = "service web: the ledger's rollout r1 in phase Shifting implies the deployed live color blue, but the deployed stack says green; " + Fix;
        Assert.Equal((RolloutOutcome.BadInput, expected), (resume.Outcome, resume.Message));
        Assert.Equal((RolloutOutcome.BadInput, expected), (rollback.Outcome, rollback.Message));
        Assert.Empty(harness.Updates);
        Assert.Equal(record, harness.StoredRecord);
    }

    [Fact]
    public async Task Rollback_finishes_a_termination_wait_rollback_that_reached_the_stack_before_it_was_interrupted()
    {
        var harness = Recorded(RolloutPhase.TerminationWait, 2, DeployColor.Blue);

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal((RolloutOutcome.RolledBack, "Rolled back web to blue: rollback requested by operator"), (result.Outcome, result.Message));
        Assert.Null(harness.StoredRecord);
    }

    [Theory]
    [InlineData(RolloutPhase.Deploying, 0, "blue")]
    [InlineData(RolloutPhase.SmokeTesting, 0, "blue")]
    [InlineData(RolloutPhase.Shifting, 1, "blue")]
    [InlineData(RolloutPhase.Shifting, 2, "blue,green")]
    [InlineData(RolloutPhase.TerminationWait, 2, "blue,green")]
    [InlineData(RolloutPhase.ScalingDown, 2, "green")]
    [InlineData(RolloutPhase.RollingBack, 1, "blue,green")]
    public void A_record_allows_the_live_colors_its_phase_can_leave_deployed(RolloutPhase phase, int step, string colors)
    {
        var service = new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2");
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"), [service], phase, step, RolloutHarness.Start, PromotionRequest.None);

        Assert.Equal(colors, string.Join(",", StaleConfigCheck.LiveColorsFor(record, service).Select(c => c.ConfigName())));
    }
}
