using System.Text.Json;
using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>Fail-back's last steps: Pulumi's state is pointed at the instances fail-back created, under the fake clock.</summary>
public class FailbackStateRepairTests
{
    private readonly DrWorld _world = DrWorld.FailedOver();

    private Task<DrResult> RunAsync(DrPorts? ports = null) =>
        new Failback(ports ?? _world.Ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    private static string ManualRepair(string primaryId, string replicaId) =>
        "Pulumi's state still points at the renamed instances; before the next `pulumi up`, run `failback --stack production --yes` again (it repeats only this repair) or, by hand: " +
        "`pulumi stack export --stack production --file state.json`; in it set the `id` of the aws:rds/instance:Instance whose `inputs.identifier` is " +
        $"production-db to {primaryId} and production-db-replica to {replicaId}; `pulumi stack import --stack production --file state.json`; " +
        $"`pulumi refresh --stack production --yes --target '{DrWorldState.PrimaryUrn}' --target '{DrWorldState.ReplicaUrn}' --target '{DrWorldState.BackupsUrn}'`. " +
        "For the backups replication to eu-central-1, unless `aws rds describe-db-instances --region eu-west-1 --db-instance-identifier production-db` lists one in eu-central-1 " +
        "under DBInstanceAutomatedBackupsReplications: `aws rds start-db-instance-automated-backups-replication --region eu-central-1 " +
        "--source-db-instance-arn arn:aws:rds:eu-west-1:123456789012:db:production-db --kms-key-id arn:aws:kms:eu-central-1:123456789012:key/d --backup-retention-period 14`; " +
        "then `aws rds stop-db-instance-automated-backups-replication --region eu-central-1 --source-db-instance-arn <the renamed old primary's ARN>`; in state.json set the `id` of the " +
        $"aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication to arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-STARTED1 and refresh it with the instances ({DrWorldState.BackupsUrn}). " +
        "Then `pulumi preview --diff` must show no replacement of either instance.";

    [Fact]
    public async Task The_state_ends_pointing_at_the_new_instances_and_a_refresh_reads_them_under_the_same_identifiers()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(("db-CREATED1", "db-CREATED1", "production-db"), _world.State.Recorded("production-db"));
        Assert.Equal(("db-CREATED2", "db-CREATED2", "production-db-replica"), _world.State.Recorded("production-db-replica"));
        Assert.Equal(["export", "export", "export", "import", $"refresh: {DrWorldState.PrimaryUrn} {DrWorldState.ReplicaUrn} {DrWorldState.BackupsUrn}"], _world.State.Calls);
        var steps = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["state-read-resource-ids", "backups-replication-start", "backups-replication-stop-retired", "state-repoint", "state-refresh"],
            steps.TakeLast(5).Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(
            $"imported: {DrWorldState.PrimaryUrn}: id db-PRIMARYORIGINAL -> db-CREATED1; {DrWorldState.ReplicaUrn}: id db-REPLICAORIGINAL -> db-CREATED2; " +
            $"{DrWorldState.BackupsUrn}: id {DrWorld.OriginalBackups} -> arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-STARTED1",
            steps[^2].GetProperty("detail").GetString());
        Assert.Equal(3, _world.Events.Count(e => e.Kind == "FailbackStepDone" && e.Data["step"].StartsWith("state-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_the_repair_a_refresh_would_follow_the_renamed_instance()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("wait-replica-eu-central-1") }));

        await _world.State.RefreshAsync([DrWorldState.PrimaryUrn], CancellationToken.None);

        Assert.Equal((DrWorld.PrimaryResourceId, DrWorld.PrimaryResourceId, "production-db-retired-202606010300"), _world.State.Recorded("production-db"));
    }

    [Theory]
    [InlineData("import", "state-repoint")]
    [InlineData("refresh", "state-refresh")]
    public async Task A_repair_that_fails_leaves_a_report_naming_the_steps_to_run_by_hand(string operation, string step)
    {
        _world.State.Failing.Add(operation);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        var report = JsonDocument.Parse(result.JsonReport).RootElement;
        Assert.Equal(step, report.GetProperty("failedStep").GetString());
        Assert.Equal(ManualRepair("db-CREATED1", "db-CREATED2"), report.GetProperty("afterwards")[0].GetString());
        Assert.Contains($"- {ManualRepair("db-CREATED1", "db-CREATED2")}", result.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fail_back_that_stops_before_the_repair_names_it_with_what_is_known()
    {
        _world.Stuck.Add("production-db-replica");

        var result = await RunAsync();

        var afterwards = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("afterwards")[0].GetString()!;
        Assert.Contains(
            "production-db to its DbiResourceId (`aws rds describe-db-instances --region eu-west-1 --db-instance-identifier production-db --query 'DBInstances[0].DbiResourceId'`)",
            afterwards, StringComparison.Ordinal);
        Assert.Contains("--target <URN of each> (`pulumi stack --show-urns` lists them)", afterwards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_killed_mid_repair_is_finished_by_the_next_run_which_repeats_only_the_refresh()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("state-repoint") }));
        Assert.Equal(("db-CREATED1", DrWorld.PrimaryResourceId, "production-db"), _world.State.Recorded("production-db"));
        _world.State.Calls.Clear();
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.StartsWith(
            $"Pulumi's state records {DrWorldState.PrimaryUrn} as db-CREATED1 (resourceId {DrWorld.PrimaryResourceId}) but production-db in eu-west-1 is db-CREATED1: ",
            _world.Events.Single(e => e.Kind == "FailbackResumed").Message, StringComparison.Ordinal);
        Assert.Equal(["export", "export", "export", "export", $"refresh: {DrWorldState.PrimaryUrn} {DrWorldState.ReplicaUrn} {DrWorldState.BackupsUrn}"], _world.State.Calls);
        Assert.Empty(_world.Calls);
        Assert.Equal(("db-CREATED1", "db-CREATED1", "production-db"), _world.State.Recorded("production-db"));
        Assert.Equal(("db-CREATED2", "db-CREATED2", "production-db-replica"), _world.State.Recorded("production-db-replica"));
    }

    [Fact]
    public async Task A_stack_whose_state_cannot_be_read_is_refused_saying_the_repair_is_unknown()
    {
        await RunAsync();
        _world.State.Failing.Add("export");

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(
            "stack production is not failed over (the release ledger's dr item says not promoted); whether Pulumi's state still needs fail-back's repair is unknown: " +
            "it could not be read (error: pulumi stack export failed: the backend did not answer); nothing was changed", result.Message);
    }

    [Fact]
    public async Task A_repaired_stack_is_not_failed_over_and_a_rerun_changes_nothing()
    {
        await RunAsync();
        _world.State.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.NothingToDo, result.Outcome);
        Assert.Equal(["export"], _world.State.Calls);
    }
}
