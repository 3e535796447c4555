using System.Text.Json;
using System.Text.RegularExpressions;

namespace PlanDiff.Tests.Workflows;

/// <summary>
/// .github/iam/dr-drill-policy.json, what the role dr-drill.yml assumes needs for the drill and the fail-back after it:
/// exactly the AWS calls their adapters make (read from the adapters' source, so a new call without its permission
/// fails here), KMS only through the service that encrypts, and no wildcard action.
/// </summary>
public partial class DrDrillPolicyTests
{
    /// <summary>
    /// The adapters dr-drill.yml's drill, its failover and the fail-back call AWS through, with each one's IAM service
    /// prefix. Not <c>RdsPointInTimeRestore</c>: only a restore drill (<c>drill --restore</c>), which the workflow never runs, calls it.
    /// </summary>
    private static readonly (string File, string Service)[] Adapters =
    [
        ("runner/cli/Adapters/CloudWatchReplicaLagReader.cs", "cloudwatch"),
        ("runner/cli/Adapters/SecretsManagerValueReader.cs", "secretsmanager"),
        ("runner/cli/Adapters/Dr/RdsDrDatabase.cs", "rds"),
        ("runner/cli/Adapters/Dr/EcsDrServices.cs", "ecs"),
        ("runner/cli/Adapters/Dr/Route53DnsSwitch.cs", "route53"),
        ("runner/cli/Adapters/Dr/ElbDrRoutes.cs", "elasticloadbalancing"),
        // The page of every DR command: the DR region's critical topic.
        ("runner/cli/Adapters/Dr/SnsCriticalPager.cs", "sns"),
        // The release ledger, each file of it the DR commands reach (DrLedgerFiles): the lease taken, renewed and released,
        // the release and dr items read and written, journal events appended.
        .. DrLedgerFiles.Select(file => (file, "dynamodb")),
    ];

    /// <summary>
    /// Calls in those files that the DR commands never reach: the ledger's event query is only read by <c>history</c>
    /// and <c>status</c> (<see cref="The_dr_commands_never_read_the_ledgers_events"/>).
    /// </summary>
    private static readonly string[] CallsNotReached = ["dynamodb:Query"];

    /// <summary>
    /// Calls only a production fail-back makes: fail-back moves the cross-region automated-backup replication only where
    /// the state records one (BackupsReplicationFollow), and only production declares one, so staging's role, which
    /// dr-drill.yml assumes, is not granted them (README: production's role needs them).
    /// </summary>
    private static readonly string[] ProductionOnly = ["rds:StartDBInstanceAutomatedBackupsReplication", "rds:StopDBInstanceAutomatedBackupsReplication"];

    private static JsonElement Policy { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, ".github", "iam", "dr-drill-policy.json"))).RootElement;

    private static IEnumerable<JsonElement> Statements => Policy.GetProperty("Statement").EnumerateArray();

    private static IEnumerable<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!) : [value.GetString()!];

    [GeneratedRegex(@"\.(?<call>[A-Z][A-Za-z0-9]+)Async\(\s*(new [A-Za-z]+Request|request|update)")]
    private static partial Regex SdkCall();

    /// <summary>Calls an adapter makes through a second client (EcsDrServices sets each service's autoscaling range).</summary>
    private static readonly Dictionary<string, string> ServiceOfCall = new(StringComparer.Ordinal)
    {
        ["RegisterScalableTarget"] = "application-autoscaling",
    };

    /// <summary>
    /// Permission-only actions the Service Authorization Reference lists beside a call: RDS checks
    /// <c>rds:CrossRegionCommunication</c> when a read replica's source is in another region (fail-back's replicas).
    /// </summary>
    private static readonly Dictionary<string, string> PermissionOnlyActionOfCall = new(StringComparer.Ordinal)
    {
        ["rds:CreateDBInstanceReadReplica"] = "rds:CrossRegionCommunication",
    };

    /// <summary>Each SDK call in the adapters as an IAM action, e.g. <c>rds:PromoteReadReplica</c>, with the permission-only actions it needs.</summary>
    private static SortedSet<string> CalledActions()
    {
        var calls = Adapters.SelectMany(adapter => SdkCall().Matches(File.ReadAllText(Path.Combine(RepoFiles.Root, adapter.File)))
                .Select(m => m.Groups["call"].Value)
                .Select(call => $"{ServiceOfCall.GetValueOrDefault(call, adapter.Service)}:{call}"))
            .Except(CallsNotReached)
            .Except(ProductionOnly)
            .ToList();
        return new SortedSet<string>(calls.Concat(calls.Where(PermissionOnlyActionOfCall.ContainsKey).Select(c => PermissionOnlyActionOfCall[c])), StringComparer.Ordinal);
    }

    [Fact]
    public void It_grants_exactly_the_calls_the_adapters_make_besides_kms()
    {
        var granted = Statements.SelectMany(s => Strings(s.GetProperty("Action"))).Where(a => !a.StartsWith("kms:", StringComparison.Ordinal));

        Assert.Equal(CalledActions(), new SortedSet<string>(granted, StringComparer.Ordinal));
        Assert.Equal(
            ["application-autoscaling:RegisterScalableTarget", "cloudwatch:GetMetricStatistics", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
             "ecs:DescribeServices", "ecs:UpdateService",
             "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules", "rds:CreateDBInstanceReadReplica", "rds:CrossRegionCommunication", "rds:DescribeDBInstances", "rds:ModifyDBInstance",
             "rds:PromoteReadReplica", "rds:RebootDBInstance", "route53:UpdateHealthCheck", "secretsmanager:GetSecretValue", "sns:Publish"],
            CalledActions());
    }

    [Fact]
    public void No_action_has_a_wildcard_and_no_statement_allows_everything_else()
    {
        Assert.Equal("2012-10-17", Policy.GetProperty("Version").GetString());
        foreach (var statement in Statements)
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.Empty(statement.EnumerateObject().Select(p => p.Name).Except(["Sid", "Effect", "Action", "Resource", "Condition"]));
            Assert.All(Strings(statement.GetProperty("Action")), action => Assert.DoesNotContain("*", action));
        }
    }

    [Fact]
    public void Kms_is_used_only_through_the_service_that_encrypts_the_secret_the_instances_the_ledger_and_the_topics()
    {
        var kms = Statements.Where(s => Strings(s.GetProperty("Action")).Any(a => a.StartsWith("kms:", StringComparison.Ordinal))).ToList();

        Assert.Equal(
            ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
            kms.SelectMany(s => Strings(s.GetProperty("Action"))).Distinct().Order(StringComparer.Ordinal));
        Assert.All(kms, s => Assert.True(
            s.GetProperty("Condition").GetProperty("StringEquals").TryGetProperty("kms:ViaService", out _), $"{s.GetProperty("Sid")} must name kms:ViaService"));
    }

    private static IEnumerable<string> ResourcesOf(string action) =>
        Statements.Where(s => Strings(s.GetProperty("Action")).Contains(action)).SelectMany(s => Strings(s.GetProperty("Resource"))).Order(StringComparer.Ordinal);

    /// <summary>
    /// Fail-back sets a new replica's parameter group with ModifyDBInstance, which the Service Authorization Reference
    /// checks against the parameter group (<c>pg</c>) as well as the instance: the stack's groups in both regions, no other.
    /// </summary>
    [Fact]
    public void Modify_db_instance_reaches_the_stacks_instances_and_parameter_groups_only()
    {
        Assert.Equal(
            ["arn:aws:rds:eu-central-1:123456789012:db:infra-staging-db*", "arn:aws:rds:eu-central-1:123456789012:pg:db-dr-params-*",
             "arn:aws:rds:eu-west-1:123456789012:db:infra-staging-db*", "arn:aws:rds:eu-west-1:123456789012:pg:db-params-*"],
            ResourcesOf("rds:ModifyDBInstance"));
    }

    /// <summary>
    /// Fail-back's `pulumi refresh` reads an instance by its resource id (terraform-provider-aws findDBInstanceByIDSDKv1:
    /// a dbi-resource-id filter, no identifier), which IAM checks against every instance of the region (<c>db:*</c>), not one name.
    /// </summary>
    [Fact]
    public void Describe_db_instances_is_granted_on_every_instance_of_both_regions_for_the_refresh_by_resource_id()
    {
        Assert.Contains("arn:aws:rds:eu-west-1:123456789012:db:*", ResourcesOf("rds:DescribeDBInstances"));
        Assert.Contains("arn:aws:rds:eu-central-1:123456789012:db:*", ResourcesOf("rds:DescribeDBInstances"));
        Assert.Equal(["arn:aws:rds:eu-central-1:123456789012:db:infra-staging-db*", "arn:aws:rds:eu-west-1:123456789012:db:infra-staging-db*"], ResourcesOf("rds:RebootDBInstance"));
    }

    /// <summary>
    /// The DR commands page the DR region's critical topic (its primary region may be gone), which is KMS-encrypted: SNS
    /// generates a data key under the topics' key for the publisher, so the role needs the key, only through SNS there.
    /// </summary>
    [Fact]
    public void Publish_reaches_only_the_dr_regions_critical_topic_and_its_key_only_through_sns_there()
    {
        Assert.Equal(["arn:aws:sns:eu-central-1:123456789012:infra-staging-critical"], ResourcesOf("sns:Publish"));
        var topicKey = Assert.Single(Statements, s => s.GetProperty("Sid").GetString() == "UseTheAlertingTopicsKeyThroughSnsOnly");
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], Strings(topicKey.GetProperty("Action")).Order(StringComparer.Ordinal));
        Assert.Equal(["arn:aws:kms:eu-central-1:123456789012:key/*"], Strings(topicKey.GetProperty("Resource")));
        Assert.Equal(["sns.eu-central-1.amazonaws.com"], Strings(topicKey.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService")));
    }

    /// <summary>
    /// The adapter makes both calls (fail-back's backups replication), but only for production: staging's role is not
    /// granted them.
    /// </summary>
    [Fact]
    public void The_production_only_backups_replication_calls_are_made_by_the_adapter_and_not_granted_to_staging()
    {
        var rds = File.ReadAllText(Path.Combine(RepoFiles.Root, "runner/cli/Adapters/Dr/RdsDrDatabase.cs"));
        var granted = Statements.SelectMany(s => Strings(s.GetProperty("Action"))).ToHashSet(StringComparer.Ordinal);

        Assert.All(ProductionOnly, action => Assert.Contains($".{action["rds:".Length..]}Async(", rds, StringComparison.Ordinal));
        Assert.All(ProductionOnly, action => Assert.DoesNotContain(action, granted));
    }

    [Fact]
    public void The_only_secret_read_is_the_staging_databases_master_secret()
    {
        var reads = Statements.Where(s => Strings(s.GetProperty("Action")).Contains("secretsmanager:GetSecretValue")).ToList();

        Assert.Equal(["arn:aws:secretsmanager:eu-west-1:123456789012:secret:infra-staging-db-master-*"], Strings(Assert.Single(reads).GetProperty("Resource")));
    }
}
