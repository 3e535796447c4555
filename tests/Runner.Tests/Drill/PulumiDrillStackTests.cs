using Infra.Ledger;
using Infra.Runner.Adapters;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Drill;

/// <summary>
/// The drill's stack adapter against a real DynamoDB-compatible ledger and the offline workspace, which runs this
/// repository's program on every update: the promotion lives in the ledger, the stack file is never written, and a
/// plain full update afterwards still declares the promoted database.
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
    public async Task Promotion_is_written_to_the_ledger_and_a_plain_full_update_afterwards_keeps_the_replica_promoted()
    {
        var (drill, ledger, stack, stackFilePath) = await OpenAsync();
        var stackFile = await File.ReadAllBytesAsync(stackFilePath);
        await stack.UpAsync();
        Assert.True(await DeclaresReplicaAlarmsAsync(stack));
        Assert.False((await drill.ReadAsync(CancellationToken.None)).Promote);

        await drill.SetPromoteAsync(true, CancellationToken.None);
        var configured = (await ledger.ReadReleaseAsync())!;
        await drill.UpdateAsync(CancellationToken.None);

        Assert.Equal((true, false), (configured.Desired.DrPromoted, configured.Applied.DrPromoted));
        var applied = (await ledger.ReadReleaseAsync())!;
        Assert.Equal((true, true), (applied.Desired.DrPromoted, applied.Applied.DrPromoted));
        Assert.True((await drill.ReadAsync(CancellationToken.None)).Promote);
        Assert.Equal(stackFile, await File.ReadAllBytesAsync(stackFilePath));

        // A person runs `pulumi up` from main, with the stack file as committed (dr.promote absent, i.e. false).
        await stack.UpAsync();

        // The program read the promotion from the ledger: it declares the replica as a standalone writer (without
        // replicateSourceDb, components/Data/CrossRegionReplica.cs) and so no longer the alarms that watch a replica.
        Assert.False(await DeclaresReplicaAlarmsAsync(stack));
        Assert.Equal(stackFile, await File.ReadAllBytesAsync(stackFilePath));
    }

    [OfflineSdkFact(Reason)]
    public async Task Setting_the_promotion_back_before_the_update_leaves_the_replica_replicating()
    {
        var (drill, ledger, stack, stackFilePath) = await OpenAsync();
        var stackFile = await File.ReadAllBytesAsync(stackFilePath);

        await drill.SetPromoteAsync(true, CancellationToken.None);
        await drill.SetPromoteAsync(false, CancellationToken.None);
        await stack.UpAsync();

        Assert.False((await ledger.ReadReleaseAsync())!.Desired.DrPromoted);
        Assert.False((await drill.ReadAsync(CancellationToken.None)).Promote);
        Assert.True(await DeclaresReplicaAlarmsAsync(stack));
        Assert.Equal(stackFile, await File.ReadAllBytesAsync(stackFilePath));
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
    private static async Task<bool> DeclaresReplicaAlarmsAsync(WorkspaceStack stack)
    {
        var urn = $"urn:pulumi:{stack.Name}::infra::infra:observability:AlarmCatalog::alarms-dr";
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

    /// <summary>A stack of its own (its ledger table exists) in a project whose program is infra/.</summary>
    private async Task<(PulumiDrillStack Drill, ReleaseLedger Ledger, WorkspaceStack Stack, string StackFilePath)> OpenAsync()
    {
        var name = await LocalLedger.NewStackAsync("drillstack");
        OfflineProject.WriteProjectFile(folder);
        var stackFilePath = Path.Combine(folder, $"Pulumi.{name}.yaml");
        await File.WriteAllTextAsync(stackFilePath, StackFile);
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(name, folder));
        owned.Add(stack);
        var ledger = LocalLedger.Ledger(name);
        var seed = ReleaseMapping.Seed(await stack.ReadSettingsAsync(CancellationToken.None));
        return (new PulumiDrillStack(stack, ledger, new ReleaseStore(ledger, seed)), ledger, stack, stackFilePath);
    }
}
