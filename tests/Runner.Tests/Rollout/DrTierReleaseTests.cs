using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// The DR region's copies (the pilot light) follow every release and rollback: the rollout's own updates target only
/// the primary's resources, so once the traffic change is final one more targeted update applies the copies of the moved
/// services. Its failure never undoes a good release.
/// </summary>
public class DrTierReleaseTests
{
    [Fact]
    public async Task A_release_applies_the_dr_copies_once_with_one_update_right_after_the_new_color_went_live()
    {
        var harness = new RolloutHarness("web", "api").WithDrTier();

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:2"));

        Assert.Equal((RolloutOutcome.Succeeded, false), (result.Outcome, result.NeedsAttention));
        var completed = harness.Event(RolloutEventKind.Completed).At;
        var dr = Assert.Single(harness.DrTierUpdates);
        Assert.Equal(RolloutHarness.DrTierUrns("web", "api"), dr.Targets);
        Assert.Equal(completed, dr.At);
        // It declares the released state: new images on the new colors, which are live and take all traffic.
        Assert.Equal(("web:2", "api:2"), (dr.Declared["web"].Green.Image, dr.Declared["api"].Green.Image));
        Assert.All(dr.LiveColors.Values, color => Assert.Equal(DeployColor.Green, color));
        Assert.All(dr.Weights.Values, weights => Assert.Equal(TrafficWeights.AllTo(DeployColor.Green), weights));
        Assert.Equal(["urn:web:test-rule", "urn:api:test-rule"], harness.Updates[^3].Targets);
        Assert.Same(dr, harness.Updates[^2]);
        Assert.Equal(["urn:web:blue-service", "urn:web:blue-scaling", "urn:api:blue-service", "urn:api:blue-scaling"], harness.Updates[^1].Targets);
        var id = harness.Event(RolloutEventKind.Started).RolloutId;
        Assert.Equal($"Rollout {id}: the DR region's copies of web, api now run the released images and weights", harness.Event(RolloutEventKind.DrTierApplied).Message);
    }

    [Fact]
    public async Task A_stack_without_a_pilot_light_makes_no_dr_update()
    {
        var harness = new RolloutHarness("web");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Empty(harness.DrTierUpdates);
        Assert.DoesNotContain(harness.Events, e => e.Kind is RolloutEventKind.DrTierApplied or RolloutEventKind.DrTierFailed);
    }

    [Fact]
    public async Task A_failed_dr_update_keeps_the_release_is_reported_and_is_tried_again_when_the_old_colors_scale_down()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        harness.UpdateFault = (_, targets) => targets.Contains("urn:dr-web:green-taskdef") && harness.DrTierUpdates.Count() == 1
            ? new InvalidOperationException("eu-central-1: ECS endpoint unreachable")
            : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal((RolloutOutcome.Succeeded, false), (result.Outcome, result.NeedsAttention));
        Assert.DoesNotContain(harness.Events, e => e.Kind == RolloutEventKind.RollbackStarted);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
        var id = harness.Event(RolloutEventKind.Started).RolloutId;
        var failure = $"Rollout {id}: the DR region's copies of web were not updated (eu-central-1: ECS endpoint unreachable): they keep the images and " +
            "weights they had before, not the ledger's, so a failover now would start those; the next pulumi up of the stack applies the ledger's";
        Assert.Equal(failure, harness.Event(RolloutEventKind.DrTierFailed).Message);
        Assert.Contains((NotificationSeverity.Info, failure), harness.Notifications);
        // The second try, with the scale-down, succeeded; the termination wait ran in full between them.
        var (first, second) = (harness.DrTierUpdates.First(), harness.DrTierUpdates.Last());
        Assert.Equal(harness.Event(RolloutEventKind.Completed).At + TimeSpan.FromMinutes(15), second.At);
        Assert.Equal(first.Targets, second.Targets);
        Assert.Equal(harness.Event(RolloutEventKind.DrTierApplied).At, second.At);
        Assert.Null(harness.StoredRecord);
    }

    /// <summary>Failed over, the DR region serves production: no rollout changes it ungated.</summary>
    [Fact]
    public async Task A_failed_over_stack_gets_no_dr_update_and_the_release_asks_for_attention()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        harness.DrPromoted = true;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var id = harness.Event(RolloutEventKind.Started).RolloutId;
        Assert.Empty(harness.DrTierUpdates);
        Assert.Equal(
            $"Rollout {id}: the DR region's copies of web were not updated: the stack is failed over (the ledger's dr item), so they serve production " +
            "and no gate of this rollout watches them; a pulumi up of the stack applies the ledger's release to them when you choose",
            harness.Events.First(e => e.Kind == RolloutEventKind.DrTierFailed).Message);
        Assert.True(result.NeedsAttention);
    }

    [Fact]
    public async Task A_dr_update_that_keeps_failing_leaves_a_successful_release_that_asks_for_attention()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        harness.UpdateFault = (_, targets) => targets.Contains("urn:dr-web:green-taskdef") ? new InvalidOperationException("eu-central-1: ECS endpoint unreachable") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal((RolloutOutcome.Succeeded, 0, true), (result.Outcome, result.ExitCode, result.NeedsAttention));
        var id = harness.Event(RolloutEventKind.Started).RolloutId;
        Assert.Equal($"Rollout {id} succeeded: web -> green live, old colors scaled to zero; but the DR region's copies were not updated " +
            "(eu-central-1: ECS endpoint unreachable): run pulumi up before relying on failover", result.Message);
        Assert.Equal(2, harness.DrTierUpdates.Count());
        Assert.Equal(2, harness.Events.Count(e => e.Kind == RolloutEventKind.DrTierFailed));
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Green), harness.Configs["web"].Weights);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_runner_killed_before_the_dr_update_leaves_it_to_resume()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        using (var kill = new CancellationTokenSource())
        {
            // Ctrl+C while the DR update is in flight: it never ran, and the record is kept in the termination wait.
            harness.UpdateFault = (_, targets) =>
            {
                if (!targets.Contains("urn:dr-web:green-taskdef")) return null;
                kill.Cancel();
                return new OperationCanceledException(kill.Token);
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"), kill.Token));
        }

        Assert.Equal(RolloutPhase.TerminationWait, harness.Record!.Phase);
        harness.UpdateFault = (_, _) => null;
        var result = await harness.Engine.ResumeAsync();

        Assert.Equal((RolloutOutcome.Succeeded, false), (result.Outcome, result.NeedsAttention));
        Assert.Equal(2, harness.DrTierUpdates.Count());
        Assert.Equal(DeployColor.Green, harness.DrTierUpdates.Last().LiveColors["web"]);
    }

    [Fact]
    public async Task A_rollback_in_the_termination_wait_puts_the_dr_copies_back_on_the_old_color_and_image()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        harness.AlarmState = (name, at) => name == "web-green-5xx" && harness.DrTierUpdates.Any() ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        var (release, rollback) = (harness.DrTierUpdates.First(), harness.DrTierUpdates.Last());
        Assert.Equal((2, DeployColor.Green), (harness.DrTierUpdates.Count(), release.LiveColors["web"]));
        Assert.Same(rollback, harness.Updates[^1]);
        Assert.Equal(RolloutHarness.DrTierUrns("web"), rollback.Targets);
        Assert.Equal((DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue)), (rollback.LiveColors["web"], rollback.Weights["web"]));
        // After the new color's config was restored: the DR copy of green no longer runs the rolled-back image.
        Assert.Equal(new ColorConfig(null, false), rollback.Declared["web"].Green);
    }

    [Fact]
    public async Task A_rollback_whose_dr_update_fails_still_rolls_back_and_says_so()
    {
        var harness = new RolloutHarness("web").WithDrTier();
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(70, 30) });
        harness.UpdateFault = (_, targets) => targets.Contains("urn:dr-web:green-taskdef") ? new InvalidOperationException("eu-central-1: ECS endpoint unreachable") : null;

        var result = await harness.Engine.RollbackAsync("web");

        Assert.Equal((RolloutOutcome.RolledBack, true), (result.Outcome, result.NeedsAttention));
        Assert.Equal("Rolled back web to blue: rollback requested by operator; the DR region's copies were not updated " +
            "(eu-central-1: ECS endpoint unreachable): run pulumi up before relying on failover", result.Message);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
        Assert.Equal([RolloutHarness.TrafficUrns("web"), RolloutHarness.DrTierUrns("web")], harness.Updates.Select(u => u.Targets));
    }
}
