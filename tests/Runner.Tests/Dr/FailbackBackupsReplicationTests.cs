using System.Text.Json;
using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// Production's cross-region backup replication after fail-back: the new primary's automated backups are replicated to
/// the DR region with the key and retention the program declares, the replaced instance's replication is stopped (its
/// copies retained), and Pulumi's state names the new replicated backups, so a refresh keeps them and a preview sees no diff.
/// </summary>
public class FailbackBackupsReplicationTests
{
    private const string Started = "arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-STARTED1";
    private const string DrKey = "arn:aws:kms:eu-central-1:123456789012:key/d";

    private readonly DrWorld _world = DrWorld.FailedOver();

    private Task<DrResult> RunAsync(DrPorts? ports = null) =>
        new Failback(ports ?? _world.Ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    private static string Detail(DrResult result, string step) =>
        JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == step).GetProperty("detail").GetString()!;

    private IEnumerable<string> BackupCalls => _world.Calls.Where(c => c.Contains("-backups", StringComparison.Ordinal));

    [Fact]
    public async Task The_new_primary_replicates_to_the_dr_region_the_replaced_one_stops_and_the_state_names_the_new_backups()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            ["start-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db key arn:aws:kms:eu-central-1:123456789012:key/d 14 days",
             "stop-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db-retired-202606010300"],
            BackupCalls);
        Assert.Equal(Started, _world.Instances[(DrWorld.Primary, "production-db")].Backups);
        Assert.Equal(new DrWorld.ReplicatedBackups("arn:aws:rds:eu-west-1:123456789012:db:production-db", DrKey, 14, Replicating: false), _world.Backups[DrWorld.OriginalBackups]);
        Assert.Equal(Started, _world.State.RecordedBackups());
        Assert.Equal(
            $"StartDBInstanceAutomatedBackupsReplication accepted: arn:aws:rds:eu-west-1:123456789012:db:production-db to eu-central-1 as {Started}, KMS key {DrKey}, kept 14 days",
            Detail(result, "backups-replication-start"));
        Assert.Equal(
            "StopDBInstanceAutomatedBackupsReplication accepted for arn:aws:rds:eu-west-1:123456789012:db:production-db-retired-202606010300 (db-PRIMARYORIGINAL): " +
            $"{DrWorld.OriginalBackups} stays in eu-central-1, retained until its retention ends",
            Detail(result, "backups-replication-stop-retired"));
    }

    /// <summary>Without the repointed id, the provider's refresh reads the old backups as retained and drops the resource, and the next `pulumi up` would start replication a second time.</summary>
    [Fact]
    public async Task A_refresh_after_fail_back_keeps_the_replication_in_the_state_with_the_declared_source()
    {
        await RunAsync();

        await _world.State.RefreshAsync([DrWorldState.BackupsUrn], CancellationToken.None);

        Assert.Equal(Started, _world.State.RecordedBackups());
        Assert.Contains("\"sourceDbInstanceArn\":\"arn:aws:rds:eu-west-1:123456789012:db:production-db\"", _world.State.Deployment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_that_declares_no_replication_passes_both_steps_and_calls_neither()
    {
        _world.State.DropBackupsReplication();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Empty(BackupCalls);
        const string none = "production's Pulumi state records no aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication (only production declares one); nothing to do";
        Assert.Equal(none, Detail(result, "backups-replication-start"));
        Assert.Equal(none, Detail(result, "backups-replication-stop-retired"));
    }

    [Fact]
    public async Task A_failed_start_leaves_the_report_naming_it_and_a_rerun_starts_it_once_and_finishes()
    {
        _world.FailingOnce["start-backups eu-central-1"] = new HttpRequestException("connecting to the rds endpoint in eu-central-1 timed out");

        var failed = await RunAsync();

        Assert.Equal(DrOutcome.Failed, failed.Outcome);
        Assert.Equal("backups-replication-start", JsonDocument.Parse(failed.JsonReport).RootElement.GetProperty("failedStep").GetString());
        Assert.Contains("`aws rds start-db-instance-automated-backups-replication --region eu-central-1 --source-db-instance-arn arn:aws:rds:eu-west-1:123456789012:db:production-db " +
            $"--kms-key-id {DrKey} --backup-retention-period 14`", JsonDocument.Parse(failed.JsonReport).RootElement.GetProperty("afterwards")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(DrWorld.OriginalBackups, _world.State.RecordedBackups());

        var rerun = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, rerun.Outcome);
        Assert.Single(BackupCalls, c => c.StartsWith("start-backups", StringComparison.Ordinal));
        Assert.Single(BackupCalls, c => c.StartsWith("stop-backups", StringComparison.Ordinal));
        Assert.Equal(Started, _world.State.RecordedBackups());
    }

    [Fact]
    public async Task A_run_killed_after_the_start_does_not_start_twice_which_rds_would_refuse()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("backups-replication-start") }));

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal($"arn:aws:rds:eu-west-1:123456789012:db:production-db already replicates its automated backups to eu-central-1 as {Started}", Detail(result, "backups-replication-start"));
        Assert.Single(BackupCalls, c => c.StartsWith("start-backups", StringComparison.Ordinal));
        Assert.Equal(Started, _world.State.RecordedBackups());
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => _world.StartBackupsReplicationAsync(
            new BackupsReplicationRequest(DrWorld.Dr, DrWorld.Arn(DrWorld.Primary, "production-db"), DrWorld.Primary, DrKey, 14), CancellationToken.None));
        Assert.Equal("InvalidDBInstanceState: DB instance production-db is already replicating to the current region.", again.Message);
    }

    [Fact]
    public async Task A_replaced_primary_that_no_longer_replicates_is_left_alone()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("backups-replication-start") }));
        await _world.StopBackupsReplicationAsync(DrWorld.Dr, DrWorld.Arn(DrWorld.Primary, "production-db-retired-202606010300"), CancellationToken.None);
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Empty(BackupCalls);
        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:db:production-db-retired-202606010300 (db-PRIMARYORIGINAL) replicates no automated backups to eu-central-1",
            Detail(result, "backups-replication-stop-retired"));
    }

    /// <summary>A stack failed back by a runner without these steps: its state still names the old backups, so `failback` finishes the job.</summary>
    [Fact]
    public async Task A_stack_whose_replication_did_not_follow_is_repaired_by_the_next_failback()
    {
        await RunAsync();
        _world.Instances[(DrWorld.Primary, "production-db")] = _world.Instances[(DrWorld.Primary, "production-db")] with { Backups = null };
        _world.Backups.Remove(Started);
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            $"Pulumi's state records {DrWorldState.BackupsUrn} as {Started} but production-db in eu-west-1 replicates its automated backups to eu-central-1 as nothing: " +
            "a fail-back did not finish making the replication follow the new primary; resuming there",
            _world.Events.Single(e => e.Kind == "FailbackResumed").Message);
        Assert.Equal(["start-backups eu-central-1"], BackupCalls.Select(c => c.Split(':')[0]));
        Assert.Equal(_world.Instances[(DrWorld.Primary, "production-db")].Backups, _world.State.RecordedBackups());
    }
}
