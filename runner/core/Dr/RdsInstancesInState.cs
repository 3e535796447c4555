using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.Dr;

/// <summary>An <c>aws:rds/instance:Instance</c> as Pulumi's state records it.</summary>
/// <param name="Id">The provider id: with @pulumi/aws 7.x, RDS's DbiResourceId (<c>db-…</c>), not the identifier.</param>
/// <param name="ResourceId">The <c>resourceId</c> output: what the provider last read, rewritten by a refresh.</param>
/// <param name="Placement">Its KMS key, subnet group, security groups and parameter group, from its outputs.</param>
public sealed record RecordedInstance(string Urn, string Id, string? ResourceId, DbPlacement? Placement);

/// <summary>An <c>aws:rds/instanceAutomatedBackupsReplication</c> as Pulumi's state records it.</summary>
/// <param name="Id">The provider id: the ARN of the replicated backups in the destination region (<c>arn:aws:rds:REGION:…:auto-backup:ab-…</c>).</param>
/// <param name="KmsKeyId">Its <c>kmsKeyId</c> input: the destination region's key the program declares.</param>
/// <param name="RetentionPeriod">Its <c>retentionPeriod</c> input, in days; null leaves the provider's default (7).</param>
public sealed record RecordedBackupsReplication(string Urn, string Id, string? KmsKeyId, int? RetentionPeriod);

/// <summary>
/// Reads and edits the RDS instances of a deployment as <c>pulumi stack export</c> prints it. Pure.
/// <para>
/// Why the id: the Terraform provider under @pulumi/aws 7.x keeps an <c>aws_db_instance</c>'s DbiResourceId as its id
/// since v5.0.0 (hashicorp/terraform-provider-aws#31232; internal/service/rds/instance.go, "NOTE ON ID, IDENTIFIER": the
/// id is the immutable resource id, the identifier can change), and reads the instance by it (findDBInstanceByIDSDKv2: a
/// <c>db-…</c> id is looked up with the <c>dbi-resource-id</c> filter). An instance renamed aside keeps its resource id,
/// so until the id changes a refresh follows the retired instance, and the next update would rename it back.
/// </para>
/// <para>
/// The same holds for production's cross-region backup replication: the provider's id is the replicated backups' ARN
/// (terraform-provider-aws internal/service/rds/instance_automated_backups_replication.go: create sets it from
/// StartDBInstanceAutomatedBackupsReplication's answer, read looks the backups up by it and drops the resource once they
/// are retained, i.e. once replication stopped), and the source is an ARN string that names the identifier, not the instance.
/// </para>
/// <para>
/// The repair sets only <c>id</c>: the refresh that follows reads the new instance by it and rewrites every output
/// (<c>resourceId</c> included), so a stale <c>resourceId</c> says a repair stopped before its refresh.
/// </para>
/// </summary>
public static class RdsInstancesInState
{
    public const string Type = "aws:rds/instance:Instance";

    public const string BackupsReplicationType = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The live (not pending-delete) instance the program declares with <paramref name="identifier"/>; null when there is none.</summary>
    public static RecordedInstance? Find(string deployment, string identifier) =>
        Read(Parse(deployment), identifier) is { } resource ? Recorded(resource) : null;

    /// <summary>The live backups replication the program declares (production only, one per stack); null when there is none.</summary>
    public static RecordedBackupsReplication? FindBackupsReplication(string deployment) =>
        ReadBackupsReplication(Parse(deployment)) is { } resource
            ? new RecordedBackupsReplication(Text(resource["urn"]) ?? "", Text(resource["id"]) ?? "", Text(resource["inputs"]?["kmsKeyId"]),
                resource["inputs"]?["retentionPeriod"] is JsonValue days && days.TryGetValue<int>(out var retention) ? retention : null)
            : null;

    /// <summary>
    /// The deployment with each instance's <c>id</c> set to the resource id <paramref name="resourceIds"/> gives for its
    /// identifier, and the backups replication's <c>id</c> set to <paramref name="backupsReplicationArn"/> when given; nothing
    /// else changes. Throws <see cref="DrStepException"/> when an identifier has no instance, or there is no replication to set.
    /// </summary>
    public static string Repoint(string deployment, IReadOnlyDictionary<string, string> resourceIds, string? backupsReplicationArn = null)
    {
        var root = Parse(deployment);
        foreach (var (identifier, resourceId) in resourceIds)
        {
            var resource = Read(root, identifier) ?? throw new DrStepException(Missing(identifier));
            resource["id"] = resourceId;
        }

        if (backupsReplicationArn is not null)
        {
            var replication = ReadBackupsReplication(root) ?? throw new DrStepException($"Pulumi's state holds no {BackupsReplicationType}; nothing was changed in it");
            replication["id"] = backupsReplicationArn;
        }

        return root.ToJsonString(Written);
    }

    public static string Missing(string identifier) =>
        $"Pulumi's state holds no {Type} declared with identifier {identifier}; nothing was changed in it";

    private static JsonObject Parse(string deployment) =>
        JsonNode.Parse(deployment) as JsonObject ?? throw new DrStepException("the exported deployment is not a JSON object");

    private static JsonObject? Read(JsonObject root, string identifier) =>
        Single(root, Type, r => Text(r["inputs"]?["identifier"]) == identifier, $" declared with identifier {identifier}");

    private static JsonObject? ReadBackupsReplication(JsonObject root) => Single(root, BackupsReplicationType, _ => true, "");

    /// <summary>The one live (not pending-delete) resource of <paramref name="type"/> that <paramref name="matches"/>; null when none.</summary>
    private static JsonObject? Single(JsonObject root, string type, Func<JsonObject, bool> matches, string declared)
    {
        var resources = (root["deployment"]?["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => Text(r["type"]) == type && r["delete"]?.GetValueKind() != JsonValueKind.True && matches(r))
            .ToList();
        return resources.Count switch
        {
            0 => null,
            1 => resources[0],
            _ => throw new DrStepException($"Pulumi's state holds {resources.Count} {type} resources{declared} " +
                $"({string.Join(", ", resources.Select(r => Text(r["urn"])))}); repair it by hand"),
        };
    }

    private static RecordedInstance Recorded(JsonObject resource)
    {
        var outputs = resource["outputs"] as JsonObject;
        var placement = (Text(outputs?["kmsKeyId"]), Text(outputs?["dbSubnetGroupName"])) is ({ } key, { } subnets)
            ? new DbPlacement(key, subnets, [.. (outputs!["vpcSecurityGroupIds"] as JsonArray ?? []).Select(Text).OfType<string>()], Text(outputs["parameterGroupName"]))
            : null;
        return new RecordedInstance(Text(resource["urn"]) ?? "", Text(resource["id"]) ?? "", Text(outputs?["resourceId"]), placement);
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
