using System.Text.Json;
using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// Fail-back's catch-ups are proven by WAL position. Before anything stops, the new replica must replay within the RPO
/// target what the DR database had written (an idle DR database passes at once; CloudWatch's ReplicaLag of an RDS
/// PostgreSQL replica would grow toward RDS's 5-minute heartbeat). Once the DR services stopped, the DR database's WAL end
/// is read once and the new replica must replay up to it. A runner that cannot read the positions stops before any writes
/// stop; one that loses them during the switchover ends in the undo.
/// </summary>
public class FailbackCatchUpTests
{
    private readonly DrWorld _world = DrWorld.FailedOver();

    private Task<DrResult> RunAsync(DrPorts? ports = null) =>
        new Failback(ports ?? _world.Ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    private static string Detail(DrResult result, string step) => JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray()
        .Last(s => s.GetProperty("name").GetString() == step).GetProperty("detail").GetString()!;

    [Fact]
    public async Task The_switchover_goes_on_once_the_new_replica_replayed_up_to_the_dr_databases_wal_end()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            "production-db in eu-west-1 replayed WAL up to 0/3000348, at or past 0/3000348 where production-db-replica in eu-central-1's WAL ended once the writes stopped; " +
            "15s after the writes stopped", Detail(result, "final-catch-up"));
        Assert.Equal(
            "production-db in eu-west-1 replayed everything production-db-replica in eu-central-1 had written (WAL up to 0/3000248; replayed to 0/3000248) " +
            "3s after it was read: within the RPO target of 30s", Detail(result, "catch-up"));
    }

    [Fact]
    public async Task An_idle_dr_database_passes_the_catch_up_at_once_however_long_ago_it_last_wrote()
    {
        // Its last write came long before the fail-back, and the replica replays 5 minutes late: there is nothing left to replay.
        (_world.SourceIdle, _world.ReplayBehind) = (true, _ => TimeSpan.FromMinutes(5));

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            "production-db in eu-west-1 replayed everything production-db-replica in eu-central-1 had written (WAL up to 0/3000148; replayed to 0/3000148) " +
            "0s after it was read: within the RPO target of 30s", Detail(result, "catch-up"));
    }

    [Fact]
    public async Task The_writes_stop_only_once_the_new_replica_replays_within_the_rpo_target()
    {
        var caughtUpAt = DrWorld.Start.AddHours(1);
        _world.ReplayBehind = at => at < caughtUpAt ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(20);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        // Rounds of 30 s, 15 s apart: the replica passes in the first round that reads it after the hour, when it is 20 s behind.
        Assert.Equal(
            "production-db in eu-west-1 replayed everything production-db-replica in eu-central-1 had written (WAL up to 0/3005148; replayed to 0/3005148) " +
            "21s after it was read: within the RPO target of 30s, after 59m 36s of catching up", Detail(result, "catch-up"));
        var stopWrites = _world.Events.First(e => e.Kind == "FailbackStepStarted" && e.Data["step"] == "scale-stop-writes");
        Assert.True(stopWrites.At > caughtUpAt, $"the writes stopped at {stopWrites.At:O}");
    }

    [Fact]
    public async Task A_replica_that_never_replays_up_to_the_wal_end_ends_in_the_undo_at_the_limit()
    {
        var result = await RunAsync(_world.Ports with { Progress = new AfterStep("catch-up", () => _world.Stuck.Add("replay")) });

        Assert.Equal(
            "Failback failed at step final-catch-up (production-db in eu-west-1 replaying the WAL of production-db-replica in eu-central-1 up to its end once the writes stopped " +
            "did not happen within 10m 0s; last seen: production-db-replica in eu-central-1 at 0/3000348, production-db in eu-west-1 replayed to 0/3000248 (256 bytes behind)); " +
            $"{FailbackTests.Undone}; the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.True(_world.Promoted);
    }

    [Theory]
    [InlineData(DrWorld.Dr, "the WAL position of production-db-replica in eu-central-1 at production-db-replica.abc.eu-central-1.rds.amazonaws.com")]
    [InlineData(DrWorld.Primary, "the replay position of production-db in eu-west-1 at production-db.abc.eu-west-1.rds.amazonaws.com")]
    public async Task A_database_the_runner_cannot_reach_stops_the_fail_back_before_any_writes_stop(string region, string database)
    {
        _world.SqlUnreachable.Add(region);

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step catch-up (the catch-up is proven by WAL position, which the runner cannot read: " +
            $"could not read {database}:5432 within 5s: Connection refused; check that the runner reaches it); the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("scale", StringComparison.Ordinal));
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
    }

    [Fact]
    public async Task A_database_lost_during_the_switchover_is_looked_past_until_the_limit_then_the_writes_are_restored()
    {
        var result = await RunAsync(_world.Ports with { Progress = new AfterStep("wait-stop-writes", () => _world.SqlUnreachable.Add(DrWorld.Dr)) });

        Assert.Equal(
            "Failback failed at step final-catch-up (production-db in eu-west-1 replaying the WAL of production-db-replica in eu-central-1 up to its end once the writes stopped " +
            "did not happen within 10m 0s; last seen: could not read the WAL position of production-db-replica in eu-central-1 at " +
            "production-db-replica.abc.eu-central-1.rds.amazonaws.com:5432 within 5s: Connection refused; check that the runner reaches it); " +
            $"{FailbackTests.Undone}; the report says what state each region is in", result.Message);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
    }

    [Fact]
    public async Task A_runner_without_sql_access_refuses_to_start_the_switchover()
    {
        var result = await RunAsync(_world.Ports with { Positions = null });

        Assert.Equal(
            "Failback failed at step catch-up (this runner has no SQL access to the databases, and fail-back's catch-ups are proven by their WAL positions); " +
            "the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("scale", StringComparison.Ordinal));
    }
}
