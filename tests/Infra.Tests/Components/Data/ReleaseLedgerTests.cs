using Infra.Components.Data;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi.Aws;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class ReleaseLedgerTests
{
    private const string Table = "aws:dynamodb/table:Table";
    private static readonly string LedgerKeyArn = ComponentPlan.Token(Key, "ledger-key", "arn");
    private static readonly string LedgerDrKeyArn = ComponentPlan.Token(Key, "ledger-dr-key", "arn");

    private static Task<ComponentPlan> PlanAsync(StackSettings settings, int? recoveryPeriodInDays = null) =>
        ComponentPlan.RunAsync(() => Declare(settings, recoveryPeriodInDays), settings.StackName);

    private static ReleaseLedger Declare(StackSettings settings, int? recoveryPeriodInDays = null) =>
        new("ledger", recoveryPeriodInDays is { } days
            ? new ReleaseLedgerArgs { Settings = settings, DrProvider = DrProvider(settings), RecoveryPeriodInDays = days }
            : new ReleaseLedgerArgs { Settings = settings, DrProvider = DrProvider(settings) });

    private static Provider DrProvider(StackSettings settings) => new(DrProviderName, new ProviderArgs { Region = settings.DrRegion! });

    public static TheoryData<string> Stacks => new(["staging", "production"]);

    /// <summary>The stack's settings; <paramref name="replica"/> overrides its default (production true, staging false).</summary>
    private static StackSettings For(string stack, bool? replica = null)
    {
        string[]? dr = replica is { } on ? [$"replica: {(on ? "true" : "false")}"] : null;
        return stack == "production" ? Production(dr: dr) : Staging(dr: dr);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_table_is_named_for_the_stack_and_keyed_by_pk_and_sk_on_demand(string stack)
    {
        var plan = await PlanAsync(For(stack));

        var table = plan.Inputs(Table, "ledger-table");
        Assert.Equal($"infra-{stack}-releases", (string)table["name"]!);
        Assert.Equal("PAY_PER_REQUEST", (string)table["billingMode"]!);
        Assert.Equal(("pk", "sk"), ((string)table["hashKey"]!, (string)table["rangeKey"]!));
        Assert.Equal([("pk", "S"), ("sk", "S")],
            table["attributes"]!.AsArray().Select(a => ((string)a!["name"]!, (string)a["type"]!)));
        Assert.False(table.ContainsKey("readCapacity") || table.ContainsKey("writeCapacity"), "an on-demand table sets no capacity");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Release_state_survives_a_destroy_a_dropped_resource_and_a_bad_write(string stack)
    {
        var plan = await PlanAsync(For(stack));

        var table = plan.Resource(Table, "ledger-table");
        Assert.True((bool)table["protect"]!);
        Assert.True((bool)table["retainOnDelete"]!);
        var inputs = table["inputs"]!;
        Assert.True((bool)inputs["deletionProtectionEnabled"]!);
        Assert.True((bool)inputs["pointInTimeRecovery"]!["enabled"]!);
        Assert.Equal(35, (long)inputs["pointInTimeRecovery"]!["recoveryPeriodInDays"]!);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_table_is_encrypted_with_a_rotating_key_of_its_own_that_outlives_the_stack_like_the_table(string stack)
    {
        var plan = await PlanAsync(For(stack));

        var encryption = plan.Inputs(Table, "ledger-table")["serverSideEncryption"]!;
        Assert.True((bool)encryption["enabled"]!);
        Assert.Equal(LedgerKeyArn, (string)encryption["kmsKeyArn"]!);
        var key = plan.Resource(Key, "ledger-key");
        Assert.Null(key["provider"]);
        Assert.True((bool)key["protect"]!);
        Assert.True((bool)key["retainOnDelete"]!);
        Assert.True((bool)key["inputs"]!["enableKeyRotation"]!);
        Assert.Equal($"Encrypts the release ledger infra-{stack}-releases", (string)key["inputs"]!["description"]!);
    }

    [Fact]
    public async Task With_a_replica_the_table_is_global_with_a_replica_in_the_dr_region_under_a_key_of_that_region()
    {
        var plan = await PlanAsync(Production());

        var table = plan.Inputs(Table, "ledger-table");
        var replica = Assert.Single(table["replicas"]!.AsArray())!;
        Assert.Equal("eu-central-1", (string)replica["regionName"]!);
        Assert.Equal(LedgerDrKeyArn, (string)replica["kmsKeyArn"]!);
        Assert.True((bool)replica["pointInTimeRecovery"]!);
        Assert.True((bool)replica["deletionProtectionEnabled"]!);
        Assert.True((bool)replica["propagateTags"]!);
        Assert.True((bool)table["streamEnabled"]!);
        Assert.Equal("NEW_AND_OLD_IMAGES", (string)table["streamViewType"]!);
        var drKey = plan.Resource(Key, "ledger-dr-key");
        Assert.Equal(DrProviderUrn("production"), (string)drKey["provider"]!);
        Assert.True((bool)drKey["protect"]!);
        Assert.True((bool)drKey["retainOnDelete"]!);
        Assert.Null(plan.Resource(Table, "ledger-table")["provider"]);
    }

    [Fact]
    public async Task Without_a_replica_there_is_no_replica_stream_or_dr_key()
    {
        var plan = await PlanAsync(Staging());

        var table = plan.Inputs(Table, "ledger-table");
        Assert.False(table.ContainsKey("replicas"), "a table without a replica lists replicas");
        Assert.False(table.ContainsKey("streamEnabled") || table.ContainsKey("streamViewType"), "a table without a replica enables a stream");
        Assert.Equal(["ledger-key"], plan.OfType(Key).Select(k => (string)k["name"]!));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_table_and_its_keys_carry_the_stack_tags_and_their_own_name(string stack)
    {
        var plan = await PlanAsync(For(stack, replica: true));

        var tags = plan.Inputs(Table, "ledger-table")["tags"]!;
        Assert.Equal($"infra-{stack}-releases", (string)tags["Name"]!);
        Assert.Equal(stack, (string)tags["Environment"]!);
        Assert.Equal($"infra-{stack}-releases-key", (string)plan.Inputs(Key, "ledger-key")["tags"]!["Name"]!);
        Assert.Equal($"infra-{stack}-releases-dr-key", (string)plan.Inputs(Key, "ledger-dr-key")["tags"]!["Name"]!);
    }

    [Fact]
    public async Task Every_child_is_named_from_the_component_and_parented_to_it()
    {
        var plan = await PlanAsync(Production());

        var component = plan.Resource(ReleaseLedger.Type, "ledger");
        Assert.All(plan.Resources.Where(r => ((string)r["name"]!).StartsWith("ledger-", StringComparison.Ordinal)),
            r => Assert.Equal((string)component["urn"]!, (string)r["parent"]!));
    }

    [Fact]
    public async Task A_shorter_recovery_period_reaches_the_table()
    {
        var plan = await PlanAsync(Production(), recoveryPeriodInDays: 7);

        Assert.Equal(7, (long)plan.Inputs(Table, "ledger-table")["pointInTimeRecovery"]!["recoveryPeriodInDays"]!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(36)]
    public async Task A_recovery_period_outside_what_dynamodb_keeps_is_refused(int days)
    {
        var error = await DatabaseArgsValidationTests.CapturedError(() => Declare(Production(), days), "production");

        Assert.Equal($"ReleaseLedgerArgs.RecoveryPeriodInDays: {days} is out of range; allowed 1 to 35", error);
    }

    [Fact]
    public async Task A_replica_needs_the_dr_provider()
    {
        var error = await DatabaseArgsValidationTests.CapturedError(
            () => new ReleaseLedger("ledger", new ReleaseLedgerArgs { Settings = Production() }), "production");

        Assert.Equal("ReleaseLedgerArgs.DrProvider is required when infra:dr.replica is true; pass an aws.Provider for eu-central-1", error);
    }
}
