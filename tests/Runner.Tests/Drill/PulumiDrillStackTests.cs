using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Drill;

/// <summary>
/// The drill's stack adapter against a real DynamoDB-compatible ledger and the offline workspace, which runs this
/// repository's program on every update: a promotion failover recorded in the ledger counts, the stack file is never
/// written, and a plain full update afterwards still declares the promoted database.
/// </summary>
public sealed class PulumiDrillStackTests : IDisposable
{
    private const string Reason = "runs this repository's program through the offline workspace, as the CLI would on every update";

    /// <summary>The offline project's stack file with a cross-region replica, so there is something to promote.</summary>
    private const string StackFile = OfflineProject.StackFile + """

          infra:drRegion: eu-central-1
          infra:dr:
            replica: true
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("drill-stack-").FullName;
    private readonly List<IDisposable> owned = [];

    [OfflineSdkFact(Reason)]
    public async Task A_promotion_failover_recorded_in_the_ledger_counts_and_a_plain_full_update_afterwards_keeps_the_replica_promoted()
    {
        var (ledger, stack, stackFilePath) = await OpenAsync();
        var stackFile = await File.ReadAllBytesAsync(stackFilePath);
        await stack.UpAsync();
        Assert.True(await DeclaresReplicaAlarmsAsync(stack));
        var drill = await DrillStackAsync(stack, ledger);
        Assert.False((await drill.ReadAsync(CancellationToken.None)).Promote);

        // What the drill's failover does through its ledger port (record-promotion).
        await new LedgerDrRecord(ledger).RecordPromotionAsync(PromotionState.Promoted, CancellationToken.None);

        Assert.True((await drill.ReadAsync(CancellationToken.None)).Promote);
        // A person runs `pulumi up` from main, with the stack file as committed (dr.promote absent, i.e. false).
        await stack.UpAsync();

        // The program read the promotion from the ledger: it declares the replica as a standalone writer (without
        // replicateSourceDb, components/Data/CrossRegionReplica.cs) and so no longer the alarm that watches a replica,
        // but the promoted database's own alarms (components/Observability/Catalog/PromotedDatabaseAlarms.cs).
        Assert.False(await DeclaresReplicaAlarmsAsync(stack));
        Assert.True(await DeclaresAsync(stack, DrAlarmUrn(stack, "alarms-dr-dr-db-cpu-high")));
        Assert.Equal(stackFile, await File.ReadAllBytesAsync(stackFilePath));
    }

    [OfflineSdkFact(Reason)]
    public async Task The_state_carries_the_restore_test_and_why_the_stack_cannot_fail_over()
    {
        var (ledger, stack, stackFilePath) = await OpenAsync();
        await File.AppendAllTextAsync(stackFilePath, "\n" + """
              infra:database:
                restoreTest:
                  pointInTime: "2026-11-20T08:00:00Z"
                  instanceClass: db.t4g.small
            """);
        await stack.UpAsync();

        var state = await (await DrillStackAsync(stack, ledger)).ReadAsync(CancellationToken.None);

        Assert.Equal(new DrillRestoreTest(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), "db.t4g.small"), state.RestoreTest);
        // No pilot light here: failover has nothing to scale, which the drill's preconditions report.
        Assert.Null(state.Topology);
        Assert.StartsWith($"stack {stack.Name} cannot fail over or back: ", state.TopologyProblem);
    }

    public void Dispose()
    {
        owned.ForEach(o => o.Dispose());
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Whether the program declares the DR region's alarm catalog, which watches the replica while it replicates
    /// (infra/StackObservability.cs): a preview targeted at it fails, as the CLI's does, when the program does not.
    /// </summary>
    private static Task<bool> DeclaresReplicaAlarmsAsync(WorkspaceStack stack) => DeclaresAsync(stack, DrAlarmUrn(stack, "alarms-dr-db-replica-lag"));

    private static string DrAlarmUrn(WorkspaceStack stack, string name) =>
        $"urn:pulumi:{stack.Name}::infra::infra:observability:AlarmCatalog$aws:cloudwatch/metricAlarm:MetricAlarm::{name}";

    private static async Task<bool> DeclaresAsync(WorkspaceStack stack, string urn)
    {
        try
        {
            await stack.PreviewAsync(new PreviewOptions { Target = [urn] });
            return true;
        }
        catch (CommandException error) when (error.Message.Contains($"error: Target '{urn}' could not be found in the stack.", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>The drill's adapter over the outputs of the last update, as the CLI reads them once.</summary>
    private static async Task<PulumiDrillStack> DrillStackAsync(WorkspaceStack stack, ReleaseLedger ledger) =>
        new(stack, ledger, await ReleaseStoreAsync(stack, ledger), await stack.ReadOutputsAsync(CancellationToken.None));

    private static async Task<ReleaseStore> ReleaseStoreAsync(WorkspaceStack stack, ReleaseLedger ledger) =>
        new(ledger, ReleaseMapping.Seed(await stack.ReadSettingsAsync(CancellationToken.None)));

    /// <summary>A stack of its own (its ledger table exists) in a project whose program is infra/.</summary>
    private async Task<(ReleaseLedger Ledger, WorkspaceStack Stack, string StackFilePath)> OpenAsync()
    {
        var name = await LocalLedger.NewStackAsync("drillstack");
        OfflineProject.WriteProjectFile(folder);
        var stackFilePath = Path.Combine(folder, $"Pulumi.{name}.yaml");
        await File.WriteAllTextAsync(stackFilePath, StackFile);
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(name, folder));
        owned.Add(stack);
        return (LocalLedger.Ledger(name), stack, stackFilePath);
    }
}
