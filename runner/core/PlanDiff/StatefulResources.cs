namespace Infra.Runner.PlanDiff;

/// <summary>
/// Resource types that hold data or keys to data: changing or deleting one can lose what no redeploy brings back.
/// Each entry says what the resource is, what it holds, and what its removal loses.
/// </summary>
public static class StatefulResources
{
    public const string RdsInstance = "aws:rds/instance:Instance";

    private static readonly StatefulKind Replica =
        new("RDS read replica", "is the cross-region copy of the database", "the DR copy of the database goes with it");

    private static readonly IReadOnlyDictionary<string, StatefulKind> ByType =
        new Dictionary<string, StatefulKind>(StringComparer.Ordinal)
        {
            [RdsInstance] = new(
                "RDS database instance",
                "holds the application's data",
                "its data and automated backups go with it"),
            ["aws:kms/key:Key"] = new(
                "KMS key",
                "decrypts everything encrypted with it",
                "data encrypted with it becomes unreadable once the key is deleted"),
            ["aws:secretsmanager/secret:Secret"] = new(
                "Secrets Manager secret",
                "holds credentials",
                "the stored credentials go with it"),
            ["aws:secretsmanager/secretVersion:SecretVersion"] = new(
                "Secrets Manager secret value",
                "is the stored secret value",
                "the stored value goes with it"),
            ["aws:dynamodb/table:Table"] = new(
                "DynamoDB table",
                "holds the release ledger: what each service runs and the journal",
                "every release record and the journal go with it"),
            ["aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"] = new(
                "cross-region automated backups replication",
                "keeps point-in-time recovery in the DR region",
                "point-in-time recovery in the DR region stops"),
        };

    public static bool IsStateful(PlanResource resource) => ByType.ContainsKey(resource.Type);

    /// <summary>What the resource is and holds, e.g. "RDS database instance: holds the application's data"; null when stateless.</summary>
    public static string? Role(PlanResource resource) => Kind(resource) is { } kind ? $"{kind.Label}: {kind.Role}" : null;

    /// <summary>What deleting the resource loses, e.g. "RDS read replica: the DR copy of the database goes with it"; null when stateless.</summary>
    public static string? Loss(PlanResource resource) => Kind(resource) is { } kind ? $"{kind.Label}: {kind.Loss}" : null;

    /// <summary>The cross-region replica is an RDS instance that replicates from a source database.</summary>
    public static bool IsReplica(PlanResource resource) =>
        resource.Type == RdsInstance && resource.Inputs.ContainsKey("replicateSourceDb");

    private static StatefulKind? Kind(PlanResource resource) =>
        IsReplica(resource) ? Replica : ByType.GetValueOrDefault(resource.Type);

    private sealed record StatefulKind(string Label, string Role, string Loss);
}
