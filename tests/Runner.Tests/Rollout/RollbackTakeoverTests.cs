using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>What a rollback restores, and how a running rollout yields to abort, rollback and promote from other commands.</summary>
public class RollbackTakeoverTests
{
    private static void GateTripsOnFirstStep(RolloutHarness harness) =>
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.TrafficUpdates.Any() ? AlarmState.Alarm : AlarmState.Ok;

    [Fact]
    public async Task After_an_alarm_rollback_the_new_color_is_scaled_back_and_a_deploy_without_an_image_is_refused()
    {
        var harness = new RolloutHarness("web");
        GateTripsOnFirstStep(harness);
        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
        Assert.Equal(["urn:web:green-taskdef", "urn:web:green-service", "urn:web:green-scaling", "urn:web:test-rule"], harness.Updates[^1].Targets);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), harness.Updates[^2].Targets);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web"));

        Assert.Equal("service web has no image for green yet; pass --service web=IMAGE", result.Message);
    }

    [Fact]
    public async Task An_abort_while_the_images_deploy_stops_the_runner_before_it_writes_or_updates_anything_else()
    {
        var harness = new RolloutHarness("web");
        RolloutResult? abort = null;
        harness.UpdateFault = (number, _) =>
        {
            if (number == 1)
            {
                abort = harness.Engine.AbortAsync().GetAwaiter().GetResult();
            }

            return null;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.RolledBack, abort!.Outcome);
        Assert.Equal((RolloutOutcome.RolloutHeld, $"Rollout {id} was aborted or rolled back by another runner; this runner stopped"), (result.Outcome, result.Message));
        Assert.Null(harness.StoredRecord);
        Assert.Equal(2, harness.Updates.Count); // the deploy and the abort's restore
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
    }

    [Fact]
    public async Task A_rollback_while_a_step_is_applied_stops_the_runner_before_the_next_step()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) =>
        {
            if (number == 2)
            {
                harness.Engine.RollbackAsync().GetAwaiter().GetResult();
            }

            return null;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.EndsWith("was aborted or rolled back by another runner; this runner stopped", result.Message);
        Assert.Null(harness.StoredRecord);
        Assert.Single(harness.TrafficUpdates, u => u.Weights["web"] == new TrafficWeights(90, 10));
        Assert.DoesNotContain(harness.TrafficUpdates, u => u.Weights["web"] == new TrafficWeights(50, 50));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }

    [Fact]
    public async Task A_promote_requested_while_a_step_is_applied_is_kept_and_skips_that_steps_bake()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (number, _) =>
        {
            if (number == 2)
            {
                harness.Engine.PromoteAsync(full: false).GetAwaiter().GetResult();
            }

            return null;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal("Promoted past step 1 (10%) (SkipBake)", harness.Events.First(e => e.Kind == RolloutEventKind.StepBaked).Message);
        var steps = harness.TrafficUpdates.ToList();
        Assert.Equal(steps[0].At, steps[1].At);
    }

    [Fact]
    public async Task A_rollback_from_the_termination_wait_marks_the_record_first_and_points_the_test_route_at_the_new_color()
    {
        var harness = InTerminationWait();
        var phasesAtUpdates = new List<RolloutPhase?>();
        harness.UpdateFault = (_, _) =>
        {
            phasesAtUpdates.Add(harness.Record?.Phase);
            return null;
        };

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal([RolloutPhase.RollingBack, RolloutPhase.RollingBack], phasesAtUpdates);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), harness.Updates[0].Targets);
        Assert.Contains("urn:web:test-rule", harness.Updates[1].Targets);
        Assert.Equal(DeployColor.Blue, harness.Updates[1].LiveColors["web"]);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_rollback_interrupted_during_its_update_leaves_the_record_rolling_back_so_the_next_rollback_finishes_it()
    {
        var harness = InTerminationWait();
        using var interrupt = new CancellationTokenSource();
        harness.UpdateFault = (_, _) =>
        {
            interrupt.Cancel();
            return new OperationCanceledException(interrupt.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.RollbackAsync(cancellationToken: interrupt.Token));
        Assert.Equal(RolloutPhase.RollingBack, harness.Record!.Phase);
        harness.UpdateFault = (_, _) => null;

        var result = await harness.Engine.RollbackAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Null(harness.StoredRecord);
    }

    /// <summary>A release of web from blue to green that finished shifting and waits to scale blue down.</summary>
    private static RolloutHarness InTerminationWait()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with
        {
            LiveColor = DeployColor.Green, Weights = TrafficWeights.AllTo(DeployColor.Green), Green = new ColorConfig("web:2", true),
        });
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord(
            "r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.TerminationWait, 2, RolloutHarness.Start, PromotionRequest.None));
        return harness;
    }
}
