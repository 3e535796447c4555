using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

public class DeployInputTests
{
    [Fact]
    public async Task Deploy_is_refused_while_another_rollout_is_in_progress()
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r-old", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"), [], RolloutPhase.Shifting, 0, RolloutHarness.Start, PromotionRequest.None));

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:3"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rollout r-old is already in progress on this stack; resume, abort or roll it back first", result.Message);
        Assert.Empty(harness.Updates);
    }

    [Fact]
    public async Task Deploy_of_an_unknown_service_lists_the_services_the_stack_exports()
    {
        var harness = new RolloutHarness("web", "api");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("db=db:1"));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal("unknown service 'db'; the stack exports: api, web", result.Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Deploy_is_refused_when_traffic_is_split_without_a_rollout()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(60, 40) });

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal("service web has traffic split (blue=60 green=40) with no rollout in progress; run rollback first", result.Message);
    }

    [Fact]
    public async Task Deploy_without_an_image_needs_one_configured_for_the_idle_color()
    {
        var harness = new RolloutHarness("web");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web"));

        Assert.Equal("service web has no image for green yet; pass --service web=IMAGE", result.Message);
        Assert.Empty(harness.Updates);
    }

    [Fact]
    public async Task Deploy_checks_the_release_it_would_write_and_a_rejected_one_changes_nothing()
    {
        var harness = new RolloutHarness("web") { ReleaseRejection = "the program would reject this release on its next update, so nothing was changed: x" };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal((RolloutOutcome.BadInput, harness.ReleaseRejection), (result.Outcome, result.Message));
        Assert.Equal([new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", harness.Configs["web"].Green)], harness.CheckedMoves);
        Assert.Null(harness.StoredRecord);
        Assert.Empty(harness.Updates);
    }
}
