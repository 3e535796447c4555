using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Runner.Tests.Drill;

namespace Runner.Tests.Dr;

/// <summary>
/// A fail-back that stopped after recording "not promoted" and before retiring the DR instance leaves the OLD promoted
/// database standalone under the DR identifier, stale since the switchover. Failover and drills must never take it for
/// a promoted replica; a promotion failover itself made (its resource id recorded in the <c>dr</c> item) still resumes.
/// </summary>
public class StalePromotionTests
{
    private static readonly DrOptions Options = new(RpoTargetSeconds: 30);

    private const string StaleRefusal =
        "production-db-replica in eu-central-1 is standalone (available) but is not the replica a failover promoted: its resource id is db-REPLICAORIGINAL, " +
        "the release ledger's dr item records none. It is most likely the old promoted database an unfinished fail-back left behind, stale since that switchover; " +
        "nothing was changed. Finish the fail-back first: `failback --stack production --yes`";

    private static Task<DrResult> FailoverAsync(DrWorld world) => new Failover(world.Ports, Options).RunAsync(DrWorld.Topology, force: true);

    /// <summary>The reviewer's scenario: the real fail-back, killed right after its record-promotion.</summary>
    private static async Task<DrWorld> FailbackStoppedAfterRecordPromotionAsync()
    {
        var world = DrWorld.FailedOver();
        await Assert.ThrowsAsync<KillAfter.Killed>(() =>
            new Failback(world.Ports with { Progress = new KillAfter("record-promotion") }, Options, world.State).RunAsync(DrWorld.Topology));
        Assert.False(world.Promoted);
        Assert.Null(world.PromotedResourceId);
        Assert.Equal(DrWorld.DrResourceId, world.Instances[(DrWorld.Dr, "production-db-replica")].ResourceId);
        Assert.Null(world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        return world;
    }

    [Fact]
    public async Task Failover_refuses_the_stale_dr_database_an_unfinished_fail_back_left_and_changes_nothing()
    {
        var world = await FailbackStoppedAfterRecordPromotionAsync();
        var calls = world.Calls.Count;
        var before = world.Instances.ToDictionary();

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(StaleRefusal, result.Message);
        Assert.Equal(calls, world.Calls.Count);
        Assert.Equal(before, world.Instances);
        Assert.False(world.Promoted);
        Assert.Empty(world.Pages);
        Assert.Equal("FailoverRefused", world.Events[^1].Kind);
    }

    [Fact]
    public async Task A_fail_back_run_again_after_the_refusal_finishes_and_failover_then_promotes_the_new_replica()
    {
        var world = await FailbackStoppedAfterRecordPromotionAsync();
        Assert.Equal(DrOutcome.Refused, (await FailoverAsync(world)).Outcome);

        Assert.Equal(DrOutcome.Succeeded, (await new Failback(world.Ports, Options, world.State).RunAsync(DrWorld.Topology)).Outcome);
        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        var promoted = world.Instances[(DrWorld.Dr, "production-db-replica")];
        Assert.Equal("db-CREATED2", promoted.ResourceId);
        Assert.Null(promoted.ReplicaOf);
        Assert.Equal("db-CREATED2", world.PromotedResourceId);
        Assert.Contains("record: promoting db-CREATED2", world.Calls);
    }

    [Fact]
    public async Task A_standalone_dr_database_whose_id_is_not_the_recorded_one_is_refused()
    {
        var world = DrWorld.FailedOver();
        world.PromotedResourceId = "db-PROMOTEDEARLIER";

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(StaleRefusal.Replace("records none", "records db-PROMOTEDEARLIER", StringComparison.Ordinal), result.Message);
        Assert.DoesNotContain(world.Calls, c => c.StartsWith("scale", StringComparison.Ordinal) || c.StartsWith("mark", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failover_killed_after_its_promote_call_resumes_on_the_replica_it_recorded()
    {
        var world = new DrWorld { PrimaryHttp = (false, "HTTP 503") };
        await Assert.ThrowsAsync<KillAfter.Killed>(() =>
            new Failover(world.Ports with { Progress = new KillAfter("promote-database") }, Options).RunAsync(DrWorld.Topology, force: false));
        Assert.False(world.Promoted);
        Assert.Equal(DrWorld.DrResourceId, world.PromotedResourceId);

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Single(world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
        Assert.Contains("production-db-replica is already standalone (available), promoted by an earlier failover (resource id db-REPLICAORIGINAL); nothing to promote",
            result.MarkdownReport, StringComparison.Ordinal);
        Assert.True(world.Promoted);
        Assert.Equal(DrWorld.DrResourceId, world.PromotedResourceId);
    }

    /// <summary>A runner older than the record wrote promoted without an id; only fail-back, which clears promoted, leaves a stale copy.</summary>
    [Fact]
    public async Task A_stack_an_older_runner_failed_over_is_taken_as_promoted_while_the_dr_item_says_promoted()
    {
        var world = DrWorld.FailedOver();
        world.PromotedResourceId = null;

        var result = await FailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.DoesNotContain(world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
        Assert.True(world.Promoted);
    }

    [Fact]
    public async Task The_drill_refuses_the_stale_dr_database_before_any_marker_or_change()
    {
        var harness = new DrillHarness();
        var replica = harness.World.Instances[(DrWorld.Dr, "staging-db-replica")];
        harness.World.Instances[(DrWorld.Dr, "staging-db-replica")] = replica with { ReplicaOf = null };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.BadInput, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stack staging cannot be drilled", result.Message);
        Assert.Equal(
            [
                "staging-db-replica in eu-central-1 is available, standalone (accepts writes), not an available read replica of staging-db " +
                "(arn:aws:rds:eu-west-1:123456789012:db:staging-db); a drill promotes only a DR replica that follows the primary. " +
                "A fail-back that did not finish leaves it so: finish it with `failback --stack staging --yes` (README, Disaster recovery, Fail-back)",
            ],
            result.Problems);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.Markers.Primary);
        Assert.Empty(harness.Events);
    }

    [Fact]
    public async Task The_drill_refuses_a_dr_replica_that_is_still_being_rebuilt_or_missing()
    {
        var harness = new DrillHarness();
        var replica = harness.World.Instances[(DrWorld.Dr, "staging-db-replica")];
        harness.World.Instances[(DrWorld.Dr, "staging-db-replica")] = replica with { Status = "creating" };

        var creating = await harness.RunAsync();
        harness.World.Instances.Remove((DrWorld.Dr, "staging-db-replica"));
        var missing = await harness.RunAsync();

        Assert.StartsWith("staging-db-replica in eu-central-1 is creating, read replica of arn:aws:rds:eu-west-1:123456789012:db:staging-db, not an available read replica of staging-db",
            Assert.Single(creating.Problems), StringComparison.Ordinal);
        Assert.StartsWith("staging-db-replica in eu-central-1 is missing, not an available read replica of staging-db", Assert.Single(missing.Problems), StringComparison.Ordinal);
        Assert.Empty(harness.World.Calls);
    }

    [Fact]
    public async Task The_drill_says_so_when_rds_does_not_answer()
    {
        var harness = new DrillHarness();
        harness.World.Unreachable.Add(DrWorld.Dr);

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.BadInput, result.Outcome);
        Assert.Equal(
            "reading staging-db in eu-west-1 and staging-db-replica in eu-central-1 (RDS DescribeDBInstances) failed: connecting to the describe endpoint in eu-central-1 timed out; " +
            "a drill starts only from a DR replica that follows the primary",
            Assert.Single(result.Problems));
    }
}
