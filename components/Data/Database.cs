using Infra.Components.Conventions;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Rds;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.SecretsManager.Inputs;
using Pulumi.Random;

namespace Infra.Components.Data;

/// <summary>
/// The stack's PostgreSQL database: the encrypted primary with point-in-time recovery, its master credentials in
/// Secrets Manager, enhanced monitoring, and, as settings ask, a cross-region replica (see
/// <see cref="CrossRegionReplica"/>. A restore test (<c>infra:database.restoreTest</c>) declares nothing here: a restore
/// drill creates its instance through the RDS API and deletes it when done, so no stack carries a "temporary" instance.
/// </summary>
public sealed class Database : ComponentResource
{
    public const string Type = "infra:data:Database";

    /// <summary>The master password's special characters: none of those RDS rejects (<c>/ @ " '</c> and space).</summary>
    public const string PasswordSpecialCharacters = "!#$%&*()-_=+[]{}<>:?";

    public Output<string> PrimaryEndpoint { get; }
    public Output<string> PrimaryAddress { get; }
    public Output<string> PrimaryArn { get; }
    public Output<string> PrimaryIdentifier { get; }
    public Output<string> PrimaryRegion { get; }

    /// <summary>The replica's outputs; null when <c>infra:dr.replica</c> is false.</summary>
    public Output<string?> ReplicaEndpoint { get; }
    public Output<string?> ReplicaAddress { get; }
    public Output<string?> ReplicaArn { get; }
    public Output<string?> ReplicaIdentifier { get; }
    public Output<string?> ReplicaRegion { get; }

    /// <summary>The secret with the master credentials as JSON: username, password, host, port, dbname, engine.</summary>
    public Output<string> SecretArn { get; }

    public Database(string name, DatabaseArgs args, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        args.Validate();
        var settings = args.Settings;
        var db = settings.Database;
        var production = settings.IsProduction;
        var identifier = StackConventions.Naming(settings).Resource("db");
        var regional = RegionalDatabaseResources.Declare(name, identifier, settings, args.SubnetIds, this);

        var password = new RandomPassword($"{name}-master-password", new RandomPasswordArgs
        {
            Length = 32,
            Special = true,
            OverrideSpecial = PasswordSpecialCharacters,
        }, new CustomResourceOptions { Parent = this });

        var monitoringRoleArn = DeclareMonitoringRole(name, identifier, settings, out var monitoringPolicy);
        // One suffix for every final snapshot of this stack: the primary's and, once promoted, the replica's.
        Input<string>? finalSnapshotSuffix = null;
        if (production)
            finalSnapshotSuffix = new RandomId($"{name}-final-snapshot-suffix", new RandomIdArgs { ByteLength = 4 },
                new CustomResourceOptions { Parent = this }).Hex;

        var primaryArgs = ServingInstanceArgs.Create(identifier, settings, regional, args.SecurityGroupId, monitoringRoleArn);
        primaryArgs.Engine = PostgresEngine.Name;
        primaryArgs.EngineVersion = db.EngineVersion;
        primaryArgs.AllocatedStorage = db.AllocatedStorageGb;
        primaryArgs.Port = PostgresEngine.Port;
        primaryArgs.DbName = db.Name;
        primaryArgs.Username = db.Username;
        primaryArgs.Password = password.Result;
        ServingInstanceArgs.SetFinalSnapshot(primaryArgs, identifier, finalSnapshotSuffix);
        // Enhanced monitoring refuses a role whose policy is not attached yet.
        var primary = new Instance($"{name}-primary", primaryArgs,
            new CustomResourceOptions { Parent = this, Protect = production, RetainOnDelete = production, DependsOn = { monitoringPolicy } });

        var replica = settings.Dr.Replica
            ? new CrossRegionReplica($"{name}-dr", new CrossRegionReplicaArgs
            {
                Settings = settings,
                SourceDbArn = primary.Arn,
                SubnetIds = args.DrSubnetIds!,
                SecurityGroupId = args.DrSecurityGroupId!,
                MonitoringRoleArn = monitoringRoleArn,
                FinalSnapshotSuffix = finalSnapshotSuffix,
            }, new ComponentResourceOptions { Parent = this, Provider = args.DrProvider })
            : null;
        SecretArn = DeclareMasterSecret(name, identifier, settings, regional, password, primary, replica);

        PrimaryEndpoint = primary.Endpoint;
        PrimaryAddress = primary.Address;
        PrimaryArn = primary.Arn;
        PrimaryIdentifier = primary.Identifier;
        PrimaryRegion = Output.Create(settings.Region);
        ReplicaEndpoint = Optional(replica?.Endpoint);
        ReplicaAddress = Optional(replica?.Address);
        ReplicaArn = Optional(replica?.Arn);
        ReplicaIdentifier = Optional(replica?.Identifier);
        ReplicaRegion = Output.Create(replica is null ? null : settings.DrRegion);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["primaryEndpoint"] = PrimaryEndpoint,
            ["primaryAddress"] = PrimaryAddress,
            ["primaryArn"] = PrimaryArn,
            ["primaryIdentifier"] = PrimaryIdentifier,
            ["primaryRegion"] = PrimaryRegion,
            ["replicaEndpoint"] = ReplicaEndpoint,
            ["replicaAddress"] = ReplicaAddress,
            ["replicaArn"] = ReplicaArn,
            ["replicaIdentifier"] = ReplicaIdentifier,
            ["replicaRegion"] = ReplicaRegion,
            ["secretArn"] = SecretArn,
        });
    }

    private Output<string> DeclareMonitoringRole(string name, string identifier, StackSettings settings, out RolePolicyAttachment policy)
    {
        var role = new Role($"{name}-monitoring-role", new RoleArgs
        {
            Description = $"Lets RDS publish enhanced monitoring metrics of {identifier}",
            AssumeRolePolicy = EnhancedMonitoring.TrustPolicyJson,
            Tags = StackConventions.Tags(settings, $"{identifier}-monitoring"),
        }, new CustomResourceOptions { Parent = this });
        policy = new RolePolicyAttachment($"{name}-monitoring-policy", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = EnhancedMonitoring.ManagedPolicyArn,
        }, new CustomResourceOptions { Parent = this });
        return role.Arn;
    }

    // The JSON is built inside Apply from the secret password, so it stays secret all the way into the version.
    // Not RDS's own managed master secret (manageMasterUserPassword): RDS refuses to create a read replica of an
    // instance whose credentials it manages in Secrets Manager (all engines but SQL Server), and its secret belongs to
    // RDS, not to this stack, so the stack could not give it a replica in the DR region either. This secret is ours
    // and is replicated below, so the DR region reads the credentials from its own copy.
    private Output<string> DeclareMasterSecret(string name, string identifier, StackSettings settings,
        RegionalDatabaseResources regional, RandomPassword password, Instance primary, CrossRegionReplica? replica)
    {
        var production = settings.IsProduction;
        var secret = new Secret($"{name}-secret", new SecretArgs
        {
            Name = $"{identifier}-master",
            Description = $"Master credentials of {identifier}",
            KmsKeyId = regional.Key.Arn,
            // Staging deletes at once, so a recreated stack can reuse the name; production keeps 30 days to recover.
            RecoveryWindowInDays = production ? 30 : 0,
            // With a replica the credentials live in the DR region too, under its key, so a promoted replica's
            // writers don't depend on the primary region.
            Replicas = replica is null
                ? new InputList<SecretReplicaArgs>()
                : new InputList<SecretReplicaArgs> { new SecretReplicaArgs { Region = settings.DrRegion!, KmsKeyId = replica.KmsKeyArn } },
            Tags = StackConventions.Tags(settings, $"{identifier}-master"),
        }, new CustomResourceOptions { Parent = this, Protect = production, RetainOnDelete = production });

        var db = settings.Database;
        _ = new SecretVersion($"{name}-secret-value", new SecretVersionArgs
        {
            SecretId = secret.Arn,
            SecretString = Output.Tuple(password.Result, primary.Address, primary.Port)
                .Apply(t => MasterSecretDocument.Json(db.Username, t.Item1, t.Item2, t.Item3, db.Name)),
        }, new CustomResourceOptions { Parent = this });
        return secret.Arn;
    }

    private static Output<string?> Optional(Output<string>? output) =>
        output?.Apply(value => (string?)value) ?? Output.Create((string?)null);
}
