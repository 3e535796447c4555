using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>promote and abort acting on a rollout another runner is executing, through the record in the stack.</summary>
public class RolloutControlTests
{
    [Fact]
    public async Task A_baking_runner_stops_at_its_next_poll_when_another_runner_aborted_the_rollout()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, at) =>
        {
            if (harness.TrafficUpdates.Count() == 1 && at >= harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(30))
            {
                harness.Engine.AbortAsync().GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolloutHeld, result.Outcome);
        Assert.Equal($"Rollout {harness.Events[0].RolloutId} was aborted or rolled back by another runner; this runner stopped", result.Message);
        Assert.Equal(2, harness.TrafficUpdates.Count()); // 10%, then the abort's rollback
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task Promote_skips_the_rest_of_the_current_bake_only()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, at) =>
        {
            if (harness.TrafficUpdates.Count() == 1 && at == harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(10))
            {
                harness.Engine.PromoteAsync(full: false).GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var steps = harness.TrafficUpdates.Select(u => u.At).ToList();
        Assert.Equal(TimeSpan.FromSeconds(10), steps[1] - steps[0]);
        Assert.Equal(TimeSpan.FromMinutes(5), steps[2] - steps[1]);
    }

    [Fact]
    public async Task Promote_full_goes_straight_to_100_percent_and_skips_the_remaining_bakes()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (_, at) =>
        {
            if (harness.TrafficUpdates.Count() == 1 && at == harness.TrafficUpdates.First().At + TimeSpan.FromSeconds(10))
            {
                harness.Engine.PromoteAsync(full: true).GetAwaiter().GetResult();
            }

            return AlarmState.Ok;
        };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal([new TrafficWeights(90, 10), new TrafficWeights(0, 100)], harness.TrafficUpdates.Select(u => u.Weights["web"]));
        Assert.Equal(harness.TrafficUpdates.ElementAt(1).At, harness.Event(RolloutEventKind.Completed).At);
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("abort")]
    [InlineData("promote")]
    public async Task Commands_that_need_a_rollout_exit_2_when_none_is_in_progress(string command)
    {
        var engine = new RolloutHarness("web").Engine;

        var result = command switch
        {
            "resume" => await engine.ResumeAsync(),
            "abort" => await engine.AbortAsync(),
            _ => await engine.PromoteAsync(full: false),
        };

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal("no rollout is in progress on this stack", result.Message);
    }

    [Fact]
    public async Task Promote_is_refused_before_traffic_starts_shifting()
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.SmokeTesting, 0, RolloutHarness.Start, PromotionRequest.None));

        var result = await harness.Engine.PromoteAsync(full: true);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rollout r1 is in phase SmokeTesting; promote applies while traffic shifts or during the termination wait", result.Message);
    }
}
