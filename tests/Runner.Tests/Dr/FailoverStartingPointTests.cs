using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// A forced failover whose DR instance cannot be promoted (missing, not available, not a replica of the primary: a
/// fail-back's rebuild leaves it so) would stop a primary that may be healthy, fail at promote-database and leave it
/// stopped. It refuses first, with nothing changed.
/// </summary>
public class FailoverStartingPointTests
{
    private static readonly DrOptions Options = new(RpoTargetSeconds: 30);

    private static Task<DrResult> ForcedFailoverAsync(DrWorld world) => new Failover(world.Ports, Options).RunAsync(DrWorld.Topology, force: true);

    private const string FinishFailback =
        "so failover could not promote it and would leave the primary's services stopped; nothing was changed. " +
        "Finish the fail-back first: `failback --stack production --yes`; if no fail-back was under way, fail over again once it is an available replica";

    /// <summary>The real fail-back, killed right after the given step of its rebuild of the DR replica, which RDS has not finished.</summary>
    private static async Task<DrWorld> FailbackKilledAfterAsync(string step)
    {
        var world = DrWorld.FailedOver();
        await Assert.ThrowsAsync<KillAfter.Killed>(() =>
            new Failback(world.Ports with { Progress = new KillAfter(step) }, Options, world.State).RunAsync(DrWorld.Topology));
        world.Stuck.Add("production-db-replica");
        return world;
    }

    public static TheoryData<string, string> RebuildSteps => new()
    {
        { "retire-eu-central-1", "missing" },
        { "create-replica-eu-central-1", "creating, read replica of production-db" },
    };

    [Theory]
    [MemberData(nameof(RebuildSteps))]
    public async Task A_forced_failover_during_a_fail_backs_rebuild_of_the_dr_replica_refuses_with_nothing_changed(string killedAfter, string shown)
    {
        var world = await FailbackKilledAfterAsync(killedAfter);
        var calls = world.Calls.Count;
        var (instances, services, marked, promotion) = (world.Instances.ToDictionary(), world.Services.ToDictionary(), world.ReleaseMarked, world.Promotion);

        var result = await ForcedFailoverAsync(world);

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"production-db-replica in eu-central-1 is {shown}, not an available read replica of production-db in eu-west-1, {FinishFailback}", result.Message);
        Assert.Equal(calls, world.Calls.Count);
        Assert.Equal(instances, world.Instances);
        Assert.Equal(services, world.Services);
        Assert.Equal((marked, promotion), (world.ReleaseMarked, world.Promotion));
        Assert.Empty(world.Pages);
        Assert.Equal("FailoverRefused", world.Events[^1].Kind);
    }

    public static TheoryData<string, string?, string> Unpromotable => new()
    {
        { "modifying", "production-db", "modifying, read replica of production-db" },
        { "available", "arn:aws:rds:eu-west-1:123456789012:db:production-db-old", "available, read replica of arn:aws:rds:eu-west-1:123456789012:db:production-db-old" },
        { "available", "arn:aws:rds:us-east-1:123456789012:db:production-db", "available, read replica of arn:aws:rds:us-east-1:123456789012:db:production-db" },
    };

    [Theory]
    [MemberData(nameof(Unpromotable))]
    public async Task A_forced_failover_refuses_a_dr_instance_that_is_not_available_or_follows_another_source_and_leaves_the_primary_running(
        string status, string? source, string shown)
    {
        var world = new DrWorld();
        world.Instances[(DrWorld.Dr, "production-db-replica")] = world.Instances[(DrWorld.Dr, "production-db-replica")] with { Status = status, ReplicaOf = source };

        var result = await ForcedFailoverAsync(world);

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal($"production-db-replica in eu-central-1 is {shown}, not an available read replica of production-db in eu-west-1, {FinishFailback}", result.Message);
        Assert.Empty(world.Calls);
        Assert.False(world.ReleaseMarked);
        Assert.Equal(new DrWorld.Counts(3, 3), world.Services[(DrWorld.Primary, "production-web-blue")]);
    }

    /// <summary>
    /// A failover stopped after its promote call, run again (as the undo of an unknown outcome says) while RDS still shows
    /// the promotion (modifying, source set): the replica it recorded goes on, in whatever state.
    /// </summary>
    [Fact]
    public async Task A_failover_run_again_while_rds_still_promotes_the_replica_it_recorded_goes_on()
    {
        var world = new DrWorld { PromotedResourceId = DrWorld.DrResourceId, ReleaseMarked = true };
        var promoting = world.Instances[(DrWorld.Dr, "production-db-replica")] with { Status = "modifying", Then = "available", Promoting = true };
        world.Instances[(DrWorld.Dr, "production-db-replica")] = promoting with { ShownOnce = promoting with { Then = null, Promoting = false } };

        var result = await ForcedFailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.DoesNotContain(world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
        Assert.Equal(new DrWorld.Counts(0, 0), world.Services[(DrWorld.Primary, "production-web-blue")]);
    }

    /// <summary>
    /// The record outlives a promote RDS refused or never took: a recorded replica counts only in the states a promotion
    /// shows (modifying, rebooting), never in one that cannot be promoted.
    /// </summary>
    [Fact]
    public async Task A_recorded_replica_in_a_state_no_promotion_shows_is_refused_with_nothing_changed()
    {
        var world = new DrWorld { PromotedResourceId = DrWorld.DrResourceId };
        world.Instances[(DrWorld.Dr, "production-db-replica")] = world.Instances[(DrWorld.Dr, "production-db-replica")] with { Status = "backing-up" };

        var result = await ForcedFailoverAsync(world);

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(
            $"production-db-replica in eu-central-1 is backing-up, read replica of production-db, not an available read replica of production-db in eu-west-1, {FinishFailback}",
            result.Message);
        Assert.Equal(new DrWorld.Counts(3, 3), world.Services[(DrWorld.Primary, "production-web-blue")]);
    }

    /// <summary>RDS names a cross-region replica's source by its ARN: that replica fails over.</summary>
    [Fact]
    public async Task A_replica_whose_source_rds_names_by_the_primarys_arn_fails_over()
    {
        var world = new DrWorld();
        world.Instances[(DrWorld.Dr, "production-db-replica")] = world.Instances[(DrWorld.Dr, "production-db-replica")] with
        {
            ReplicaOf = DrWorld.Arn(DrWorld.Primary, "production-db"),
        };

        var result = await ForcedFailoverAsync(world);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Null(world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
    }
}
