using Infra.Components.Conventions;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.DynamoDB.Inputs;
// Pulumi.Aws.DynamoDB has a TableReplica resource with its own TableReplicaArgs: the replica here is the table input.
using TableReplicaArgs = Pulumi.Aws.DynamoDB.Inputs.TableReplicaArgs;
using Pulumi.Aws.Kms;

namespace Infra.Components.Data;

/// <summary>
/// The stack's release ledger: the DynamoDB table the runner and the program share (release state, the rollout
/// lease, the journal), named <see cref="LedgerTable.NameFor"/> the stack. On demand, point-in-time recovery,
/// deletion protection, encrypted with a customer key of its own; with <c>infra:dr.replica</c> a global table with
/// a replica in the DR region under a key of that region, so failover and drills can read and write it while the
/// primary region is down. Nothing here grants the services access: only operators and the runner use the table.
/// </summary>
public sealed class ReleaseLedger : ComponentResource
{
    public const string Type = "infra:data:ReleaseLedger";

    /// <summary>On-demand capacity: a handful of writes per release never justifies provisioned throughput.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    /// <summary>What global tables (version 2019.11.21) require of the stream that feeds the replicas.</summary>
    public const string ReplicationStreamViewType = "NEW_AND_OLD_IMAGES";

    public Output<string> TableName { get; }
    public Output<string> TableArn { get; }

    /// <summary>The primary table's KMS key: a role that reads or writes the table needs kms:Decrypt on it through DynamoDB.</summary>
    public Output<string> KeyArn { get; }

    /// <summary>The primary region: where the runner writes while the region is up.</summary>
    public Output<string> Region { get; }

    /// <summary>The replica's region; null without <c>infra:dr.replica</c>.</summary>
    public Output<string?> ReplicaRegion { get; }

    public ReleaseLedger(string name, ReleaseLedgerArgs args, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        args.Validate();
        var settings = args.Settings;
        var tableName = LedgerTable.NameFor(settings.StackName);
        var replicaRegion = settings.Dr.Replica ? settings.DrRegion : null;

        var key = DeclareKey($"{name}-key", $"{tableName}-key", $"Encrypts the release ledger {tableName}", settings, provider: null);
        var tableArgs = new TableArgs
        {
            Name = tableName,
            BillingMode = BillingMode,
            HashKey = LedgerTable.PartitionKey,
            RangeKey = LedgerTable.SortKey,
            Attributes =
            {
                new TableAttributeArgs { Name = LedgerTable.PartitionKey, Type = "S" },
                new TableAttributeArgs { Name = LedgerTable.SortKey, Type = "S" },
            },
            PointInTimeRecovery = new TablePointInTimeRecoveryArgs { Enabled = true, RecoveryPeriodInDays = args.RecoveryPeriodInDays },
            DeletionProtectionEnabled = true,
            ServerSideEncryption = new TableServerSideEncryptionArgs { Enabled = true, KmsKeyArn = key.Arn },
            Tags = StackConventions.Tags(settings, tableName),
        };
        if (replicaRegion is not null)
        {
            // A replica's key must live in the replica's region; DynamoDB cannot use the primary's key there.
            var drKey = DeclareKey($"{name}-dr-key", $"{tableName}-dr-key",
                $"Encrypts the replica of the release ledger {tableName} in {replicaRegion}", settings, args.DrProvider);
            // Replication reads the table's stream; without a replica nothing would, so none is enabled.
            tableArgs.StreamEnabled = true;
            tableArgs.StreamViewType = ReplicationStreamViewType;
            tableArgs.Replicas.Add(new TableReplicaArgs
            {
                RegionName = replicaRegion,
                KmsKeyArn = drKey.Arn,
                PointInTimeRecovery = true,
                DeletionProtectionEnabled = true,
                PropagateTags = true,
            });
        }

        // The release state outlives the stack: protected against `pulumi destroy`, kept in AWS if dropped from the
        // program, and refused by AWS itself while deletion protection is on.
        var table = new Table($"{name}-table", tableArgs, new CustomResourceOptions { Parent = this, Protect = true, RetainOnDelete = true });

        TableName = table.Name;
        TableArn = table.Arn;
        KeyArn = key.Arn;
        Region = Output.Create(settings.Region);
        ReplicaRegion = Output.Create(replicaRegion);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["tableName"] = TableName,
            ["tableArn"] = TableArn,
            ["region"] = Region,
            ["replicaRegion"] = ReplicaRegion,
        });
    }

    // Retained and protected like the table: a retained table whose key is deleted can never be read again.
    private Key DeclareKey(string name, string label, string description, StackSettings settings, Pulumi.Aws.Provider? provider) =>
        new(name, new KeyArgs
        {
            Description = description,
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = StackConventions.Tags(settings, label),
        }, new CustomResourceOptions { Parent = this, Provider = provider, Protect = true, RetainOnDelete = true });
}
