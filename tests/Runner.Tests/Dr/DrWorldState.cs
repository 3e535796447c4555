using System.Text.Json.Nodes;
using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// Pulumi's state of the DR world's stack, as the engine and @pulumi/aws 7.x keep it: each RDS instance under its
/// DbiResourceId. Import rejects a schema version the CLI does not read; a targeted refresh reads each resource from the
/// world by its id, as the provider does (a renamed instance is followed, a missing one drops out of the state), and
/// fails on a URN the state does not hold. Operations can be made to fail (<see cref="Failing"/>); each is recorded.
/// </summary>
internal sealed class DrWorldState(DrWorld world) : IDrStackState
{
    public const string PrimaryUrn = "urn:pulumi:production::infra::infra:data:Database$aws:rds/instance:Instance::production-db";
    public const string ReplicaUrn = "urn:pulumi:production::infra::infra:data:Database$infra:data:CrossRegionReplica$aws:rds/instance:Instance::production-db-replica";

    public const string BackupsUrn =
        "urn:pulumi:production::infra::infra:data:Database$infra:data:CrossRegionReplica$aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication::production-backups-replication";

    /// <summary>
    /// A deployment as <c>pulumi stack export</c> prints it, with what an edit must keep: secrets, numbers in their own
    /// spelling, non-ASCII and HTML-sensitive text, and a pending delete that was once declared with the primary's identifier.
    /// </summary>
    public static readonly string Original = $$"""
        {
            "version": 3,
            "deployment": {
                "manifest": { "time": "2026-05-01T10:00:00.123456789Z", "magic": "4f1c", "version": "v3.190.0" },
                "secrets_providers": { "type": "service", "state": { "url": "https://api.pulumi.com", "owner": "acme", "project": "infra", "stack": "production" } },
                "resources": [
                    { "urn": "urn:pulumi:production::infra::pulumi:pulumi:Stack::infra-production", "custom": false, "type": "pulumi:pulumi:Stack",
                      "outputs": { "url": "https://primary.example.com", "note": "café <&> \u2028" } },
                    { "urn": "{{PrimaryUrn}}", "custom": true, "id": "{{DrWorld.PrimaryResourceId}}", "type": "aws:rds/instance:Instance",
                      "inputs": { "identifier": "production-db", "instanceClass": "db.r6g.large", "allocatedStorage": 100, "maxAllocatedStorage": 1.0e3,
                                  "password": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:AAAA" } },
                      "outputs": { "identifier": "production-db", "resourceId": "{{DrWorld.PrimaryResourceId}}", "arn": "arn:aws:rds:eu-west-1:123456789012:db:production-db",
                                   "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/p", "dbSubnetGroupName": "production-db-subnets",
                                   "vpcSecurityGroupIds": ["sg-p"], "parameterGroupName": "production-db-params", "allocatedStorage": 100 },
                      "parent": "urn:pulumi:production::infra::infra:data:Database::production", "protect": true,
                      "provider": "urn:pulumi:production::infra::pulumi:providers:aws::default_7_48_0::0a1b2c3d" },
                    { "urn": "{{ReplicaUrn}}", "custom": true, "id": "{{DrWorld.DrResourceId}}", "type": "aws:rds/instance:Instance",
                      "inputs": { "identifier": "production-db-replica", "replicateSourceDb": "arn:aws:rds:eu-west-1:123456789012:db:production-db" },
                      "outputs": { "identifier": "production-db-replica", "resourceId": "{{DrWorld.DrResourceId}}",
                                   "kmsKeyId": "arn:aws:kms:eu-central-1:123456789012:key/d", "dbSubnetGroupName": "production-dr-db-subnets",
                                   "vpcSecurityGroupIds": ["sg-d"], "parameterGroupName": "production-dr-db-params" },
                      "provider": "urn:pulumi:production::infra::pulumi:providers:aws::dr::4e5f6a7b" },
                    { "urn": "{{BackupsUrn}}", "custom": true, "id": "{{DrWorld.OriginalBackups}}", "type": "{{RdsInstancesInState.BackupsReplicationType}}",
                      "inputs": { "sourceDbInstanceArn": "arn:aws:rds:eu-west-1:123456789012:db:production-db", "kmsKeyId": "arn:aws:kms:eu-central-1:123456789012:key/d", "retentionPeriod": 14 },
                      "outputs": { "id": "{{DrWorld.OriginalBackups}}", "sourceDbInstanceArn": "arn:aws:rds:eu-west-1:123456789012:db:production-db",
                                   "kmsKeyId": "arn:aws:kms:eu-central-1:123456789012:key/d", "retentionPeriod": 14 },
                      "parent": "urn:pulumi:production::infra::infra:data:CrossRegionReplica::production", "retainOnDelete": true,
                      "provider": "urn:pulumi:production::infra::pulumi:providers:aws::dr::4e5f6a7b" },
                    { "urn": "{{PrimaryUrn}}", "custom": true, "id": "db-PENDINGDELETE", "type": "aws:rds/instance:Instance", "delete": true,
                      "inputs": { "identifier": "production-db" }, "outputs": { "identifier": "production-db", "resourceId": "db-PENDINGDELETE" } }
                ]
            }
        }
        """;

    public string Deployment { get; set; } = Original;

    public HashSet<string> Failing { get; } = [];

    public List<string> Calls { get; } = [];

    public Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        Call("export", null);
        return Task.FromResult(Deployment);
    }

    public Task ImportAsync(string deployment, CancellationToken cancellationToken)
    {
        Call("import", null);
        // The current CLI reads up to its DeploymentSchemaVersionLatest, 4 (pulumi/pulumi sdk/pkg/resource/stack/deployment.go).
        if (JsonNode.Parse(deployment)!["version"]!.GetValue<int>() > 4)
        {
            throw new InvalidOperationException("error: the stack 'production' is newer than what this version of the Pulumi CLI understands. Please update your version of the Pulumi CLI");
        }

        Deployment = deployment;
        return Task.CompletedTask;
    }

    public Task RefreshAsync(IReadOnlyList<string> urns, CancellationToken cancellationToken)
    {
        Call("refresh", string.Join(" ", urns));
        var root = JsonNode.Parse(Deployment)!;
        var resources = root["deployment"]!["resources"]!.AsArray();
        foreach (var urn in urns)
        {
            var resource = resources.OfType<JsonObject>().SingleOrDefault(r => r["urn"]!.GetValue<string>() == urn && r["delete"] is null)
                ?? throw new InvalidOperationException($"error: Target '{urn}' could not be found in the stack.");
            var id = resource["id"]!.GetValue<string>();
            if (resource["type"]!.GetValue<string>() == RdsInstancesInState.BackupsReplicationType)
            {
                // The provider reads the replicated backups by ARN and drops them from the state once retained (replication stopped).
                if (world.Backups.TryGetValue(id, out var backups) && backups.Replicating) resource["outputs"]!["sourceDbInstanceArn"] = backups.SourceArn;
                else resources.Remove(resource);
                continue;
            }

            var found = world.Instances.Where(i => i.Value.ResourceId == id).Select(i => (KeyValuePair<(string, string), DrWorld.Instance>?)i).SingleOrDefault();
            if (found is not { } instance)
            {
                resources.Remove(resource);
                continue;
            }

            resource["outputs"]!["identifier"] = instance.Key.Item2;
            resource["outputs"]!["resourceId"] = id;
        }

        Deployment = root.ToJsonString();
        return Task.CompletedTask;
    }

    /// <summary>The id and <c>resourceId</c> output the state holds for the live instance declared with <paramref name="identifier"/>.</summary>
    public (string Id, string? ResourceId, string? Identifier) Recorded(string identifier)
    {
        var resource = JsonNode.Parse(Deployment)!["deployment"]!["resources"]!.AsArray().OfType<JsonObject>()
            .Single(r => r["delete"] is null && r["inputs"]?["identifier"]?.GetValue<string>() == identifier);
        return (resource["id"]!.GetValue<string>(), resource["outputs"]?["resourceId"]?.GetValue<string>(), resource["outputs"]?["identifier"]?.GetValue<string>());
    }

    /// <summary>The id the state holds for the backups replication; null once it dropped out of the state.</summary>
    public string? RecordedBackups() =>
        JsonNode.Parse(Deployment)!["deployment"]!["resources"]!.AsArray().OfType<JsonObject>()
            .SingleOrDefault(r => r["type"]!.GetValue<string>() == RdsInstancesInState.BackupsReplicationType)?["id"]!.GetValue<string>();

    /// <summary>The state of a stack that declares no backups replication (every stack but production).</summary>
    public void DropBackupsReplication()
    {
        var root = JsonNode.Parse(Deployment)!;
        var resources = root["deployment"]!["resources"]!.AsArray();
        resources.Remove(resources.OfType<JsonObject>().Single(r => r["type"]!.GetValue<string>() == RdsInstancesInState.BackupsReplicationType));
        Deployment = root.ToJsonString();
    }

    private void Call(string operation, string? detail)
    {
        if (Failing.Contains(operation)) throw new InvalidOperationException($"error: pulumi stack {operation} failed: the backend did not answer");
        Calls.Add(detail is null ? operation : $"{operation}: {detail}");
    }
}
