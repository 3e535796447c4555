using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Which database the pre-release snapshot is taken of: the primary, and while the release ledger says drPromoted (after
/// a failover, the primary fenced) the promoted DR database in the DR region, which pruning then prunes from too.
/// </summary>
public class SnapshotAfterFailoverTests
{
    private static RolloutPlan Plan(int keep = 10) =>
        RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], BackupBeforeDeploy = true, KeepReleaseSnapshots = keep });

    private static IReadOnlyDictionary<string, string> Finished(RolloutHarness harness, string hook) =>
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.HookFinished && e.Data["hook"] == hook).Data;

    [Fact]
    public async Task Without_a_failover_the_snapshot_is_of_the_primary_in_the_stack_s_region()
    {
        var harness = new RolloutHarness("web");

        var result = await harness.Engine.DeployAsync(Plan());

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal([$"production-release-{id}"], harness.Snapshots.Created);
        Assert.Equal($"Snapshot production-release-{id} of database infra-production-db started",
            harness.Events.First(e => e.Kind == RolloutEventKind.HookStarted).Message);
    }

    [Fact]
    public async Task After_a_failover_the_snapshot_is_of_the_promoted_DR_database_in_the_DR_region_and_pruning_prunes_there()
    {
        var harness = new RolloutHarness("web") { DrPromoted = true };
        harness.Snapshots.Snapshots["production-release-old-primary"] =
            new FakeSnapshots.Snapshot(RolloutHarness.DatabaseId, "production", "old-primary", RolloutHarness.Start.AddDays(-3));
        harness.Snapshots.Snapshots["production-release-old-dr"] =
            new FakeSnapshots.Snapshot(RolloutHarness.DrDatabaseId, "production", "old-dr", RolloutHarness.Start.AddDays(-2), RolloutHarness.DrRegion);

        var result = await harness.Engine.DeployAsync(Plan(keep: 1));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal([$"eu-central-1/production-release-{id}"], harness.Snapshots.Created);
        Assert.Equal(RolloutHarness.DrDatabaseId, harness.Snapshots.Snapshots[$"production-release-{id}"].Instance);
        Assert.Equal(
            $"Snapshot production-release-{id} of database infra-production-db-dr (the promoted DR database in eu-central-1) is available",
            harness.Events.First(e => e.Kind == RolloutEventKind.HookFinished).Message);
        // Pruned where the snapshots are now taken; the fenced primary's are left alone.
        Assert.Equal(["production-release-old-dr"], harness.Snapshots.Deleted);
        Assert.Equal("production-release-old-dr", Finished(harness, "prune")["output"]);
        Assert.True(harness.Snapshots.Snapshots.ContainsKey("production-release-old-primary"));
    }

    [Fact]
    public async Task After_a_failover_a_stack_that_exports_no_DR_database_is_refused_before_anything_changes()
    {
        var harness = new RolloutHarness("web") { DrPromoted = true };
        harness.StackOutputsOverride = o => o with { ReplicaDatabaseId = null };

        var result = await harness.Engine.DeployAsync(Plan());

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(
            "the stack outputs lack database.replica.identifier, database.replica.region (the promoted DR database), which the release hooks need; " +
            "run pulumi up with this version of the program first",
            result.Message);
        Assert.Empty(harness.Snapshots.Created);
        Assert.Null(harness.StoredRecord);
    }
}
