using System.Text.Json.Nodes;
using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

public class RdsInstancesInStateTests
{
    private static readonly Dictionary<string, string> NewIds = new() { ["production-db"] = "db-NEWPRIMARY", ["production-db-replica"] = "db-NEWREPLICA" };

    [Fact]
    public void Repointing_changes_only_each_instances_id_and_keeps_everything_else_equivalent()
    {
        var edited = RdsInstancesInState.Repoint(DrWorldState.Original, NewIds);

        var before = JsonNode.Parse(DrWorldState.Original)!;
        var after = JsonNode.Parse(edited)!;
        var resources = after["deployment"]!["resources"]!.AsArray();
        Assert.Equal("db-NEWPRIMARY", resources[1]!["id"]!.GetValue<string>());
        Assert.Equal("db-NEWREPLICA", resources[2]!["id"]!.GetValue<string>());
        Assert.Equal("db-PENDINGDELETE", resources[4]!["id"]!.GetValue<string>());
        resources[1]!["id"] = DrWorld.PrimaryResourceId;
        resources[2]!["id"] = DrWorld.DrResourceId;
        Assert.True(JsonNode.DeepEquals(before, after), edited);
    }

    [Fact]
    public void The_backups_replication_is_read_with_its_declared_key_and_retention_and_repointing_changes_only_its_id()
    {
        const string started = "arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-NEW";

        var edited = RdsInstancesInState.Repoint(DrWorldState.Original, new Dictionary<string, string>(), started);

        Assert.Equal(new RecordedBackupsReplication(DrWorldState.BackupsUrn, DrWorld.OriginalBackups, "arn:aws:kms:eu-central-1:123456789012:key/d", 14),
            RdsInstancesInState.FindBackupsReplication(DrWorldState.Original));
        Assert.Equal(started, RdsInstancesInState.FindBackupsReplication(edited)!.Id);
        var after = JsonNode.Parse(edited)!;
        after["deployment"]!["resources"]![3]!["id"] = DrWorld.OriginalBackups;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DrWorldState.Original), after), edited);
    }

    [Fact]
    public void A_state_without_a_backups_replication_has_none_and_cannot_be_repointed_to_one()
    {
        var staging = JsonNode.Parse(DrWorldState.Original)!;
        staging["deployment"]!["resources"]!.AsArray().RemoveAt(3);

        Assert.Null(RdsInstancesInState.FindBackupsReplication(staging.ToJsonString()));
        var error = Assert.Throws<DrStepException>(() => RdsInstancesInState.Repoint(staging.ToJsonString(), new Dictionary<string, string>(), "arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-NEW"));
        Assert.Equal("Pulumi's state holds no aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication; nothing was changed in it", error.Message);
    }

    /// <summary>The current CLI exports version 4, with the features it needs, once a resource uses one (refreshBeforeUpdate, views, hooks, taint).</summary>
    [Fact]
    public void Repointing_a_deployment_a_current_cli_wrote_as_version_4_keeps_its_version_and_features()
    {
        var exported = DrWorldState.Original.Replace("\"version\": 3,", "\"version\": 4, \"features\": [\"refreshBeforeUpdate\", \"taint\"],", StringComparison.Ordinal);

        var edited = JsonNode.Parse(RdsInstancesInState.Repoint(exported, NewIds))!;

        Assert.Equal(4, edited["version"]!.GetValue<int>());
        Assert.Equal(["refreshBeforeUpdate", "taint"], edited["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("db-NEWPRIMARY", edited["deployment"]!["resources"]![1]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Repointing_keeps_numbers_in_their_own_spelling_secrets_and_text_as_written()
    {
        var edited = RdsInstancesInState.Repoint(DrWorldState.Original, NewIds);

        Assert.Contains("\"maxAllocatedStorage\": 1.0e3", edited, StringComparison.Ordinal);
        Assert.Contains("\"time\": \"2026-05-01T10:00:00.123456789Z\"", edited, StringComparison.Ordinal);
        Assert.Contains("\"ciphertext\": \"v1:AAAA\"", edited, StringComparison.Ordinal);
        Assert.Contains("café <&>", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_is_found_by_the_identifier_the_program_declares_even_after_a_refresh_renamed_its_outputs()
    {
        var refreshed = DrWorldState.Original.Replace("\"identifier\": \"production-db\", \"resourceId\"", "\"identifier\": \"production-db-retired-1\", \"resourceId\"", StringComparison.Ordinal);

        var found = RdsInstancesInState.Find(refreshed, "production-db");

        Assert.Equal((DrWorldState.PrimaryUrn, DrWorld.PrimaryResourceId, DrWorld.PrimaryResourceId), (found!.Urn, found.Id, found.ResourceId));
        Assert.Equal(("arn:aws:kms:eu-west-1:123456789012:key/p", "production-db-subnets", "production-db-params"),
            (found.Placement!.KmsKeyId, found.Placement.SubnetGroupName, found.Placement.ParameterGroupName));
        Assert.Equal(["sg-p"], found.Placement.SecurityGroupIds);
    }

    [Fact]
    public void An_identifier_the_state_does_not_declare_is_an_error_and_nothing_is_written()
    {
        var error = Assert.Throws<DrStepException>(() => RdsInstancesInState.Repoint(DrWorldState.Original, new Dictionary<string, string> { ["staging-db"] = "db-X" }));

        Assert.Equal("Pulumi's state holds no aws:rds/instance:Instance declared with identifier staging-db; nothing was changed in it", error.Message);
    }

    [Fact]
    public void Two_live_instances_declared_with_one_identifier_are_left_to_a_person()
    {
        var doubled = DrWorldState.Original.Replace("\"delete\": true,", "", StringComparison.Ordinal);

        var error = Assert.Throws<DrStepException>(() => RdsInstancesInState.Find(doubled, "production-db"));

        Assert.Equal(
            $"Pulumi's state holds 2 aws:rds/instance:Instance resources declared with identifier production-db ({DrWorldState.PrimaryUrn}, {DrWorldState.PrimaryUrn}); repair it by hand",
            error.Message);
    }
}
