using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Moq;
using Pulumi.Automation;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The runner's stack adapter against a real DynamoDB-compatible ledger and the offline workspace, which runs this
/// repository's program on every update as the CLI does: what the runner records is what the program declares, a plain
/// full update keeps it, and the stack file is never written.
/// </summary>
public sealed class LedgerStackOperationsTests : IDisposable
{
    private const string Reason = "runs this repository's program through the offline workspace, as the CLI would on every update";

    private readonly string folder = Directory.CreateTempSubdirectory("ledger-ops-").FullName;
    private readonly List<IDisposable> owned = [];

    [OfflineSdkFact(Reason)]
    public async Task Before_the_first_release_the_stack_files_values_are_the_seed()
    {
        var (operations, _, _) = await OpenAsync();

        Assert.Equal(
            new ServiceConfig("web", DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue), new ColorConfig("web:1", true), new ColorConfig(null, false)),
            await operations.ReadServiceConfigAsync("web", CancellationToken.None));
    }

    [OfflineSdkFact(Reason)]
    public async Task Weights_are_one_write_and_an_update_records_them_as_applied_once_the_program_declared_them()
    {
        var (operations, ledger, stack) = await OpenAsync();
        await stack.UpAsync();
        var traffic = (await operations.ReadOutputsAsync(CancellationToken.None)).For("web").TrafficUrns;
        await operations.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        var before = (await ledger.ReadReleaseAsync())!;

        await operations.SetWeightsAsync("web", new TrafficWeights(90, 10), CancellationToken.None);
        var written = (await ledger.ReadReleaseAsync())!;
        await operations.UpdateAsync(traffic, CancellationToken.None);

        Assert.Equal(before.Version + 1, written.Version);
        Assert.Equal(before.Applied, written.Applied);
        var applied = (await ledger.ReadReleaseAsync())!;
        Assert.Equal(applied.Desired, applied.Applied);
        Assert.Equal(new Infra.Stacks.Settings.ColorPair<int>(90, 10), applied.Applied.Services["web"].Weights);
        // The program read the ledger: the stack's outputs (exported by the update) say what was released.
        Assert.Equal(new TrafficWeights(90, 10), (await operations.ReadOutputsAsync(CancellationToken.None)).For("web").Weights);
    }

    [OfflineSdkFact(Reason)]
    public async Task A_plain_full_update_after_a_release_keeps_the_released_colors_weights_and_images_and_the_stack_file_is_untouched()
    {
        var (operations, _, stack) = await OpenAsync();
        var stackFile = await File.ReadAllBytesAsync(StackFilePath);
        await stack.UpAsync();
        var outputs = await operations.ReadOutputsAsync(CancellationToken.None);
        await operations.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        await operations.SetRunningAsync("web", DeployColor.Green, true, CancellationToken.None);
        await operations.SetWeightsAsync("web", TrafficWeights.AllTo(DeployColor.Green), CancellationToken.None);
        await operations.SetLiveColorAsync("web", DeployColor.Green, CancellationToken.None);
        await operations.UpdateAsync([.. outputs.For("web").TrafficUrns, outputs.For("web").TestRouteUrn], CancellationToken.None);

        // A person runs `pulumi up` from main, with the stack file as committed.
        await stack.UpAsync();

        var deployed = (await operations.ReadOutputsAsync(CancellationToken.None)).For("web");
        Assert.Equal((DeployColor.Green, TrafficWeights.AllTo(DeployColor.Green)), (deployed.LiveColor, deployed.Weights));
        Assert.Equal(stackFile, await File.ReadAllBytesAsync(StackFilePath));
    }

    [OfflineSdkFact(Reason)]
    public async Task An_update_while_a_rollout_is_recorded_passes_the_programs_own_validation()
    {
        var (operations, _, stack) = await OpenAsync();
        await stack.UpAsync();
        var outputs = await operations.ReadOutputsAsync(CancellationToken.None);
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.Shifting, 1, RolloutHarness.Start, PromotionRequest.None);
        await operations.WriteRolloutRecordAsync(record, CancellationToken.None);
        await operations.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        await operations.SetWeightsAsync("web", new TrafficWeights(50, 50), CancellationToken.None);

        await operations.UpdateAsync(outputs.For("web").TrafficUrns, CancellationToken.None);

        Assert.Equal(new TrafficWeights(50, 50), (await operations.ReadOutputsAsync(CancellationToken.None)).For("web").Weights);
        Assert.Equal(RolloutRecordJson.Serialize(record), RolloutRecordJson.Serialize((await operations.ReadRolloutRecordAsync(CancellationToken.None))!));
    }

    [OfflineSdkFact(Reason)]
    public async Task A_release_written_by_another_runner_meanwhile_is_a_lost_race_and_nothing_is_written()
    {
        var (_, ledger, _) = await OpenAsync();
        var real = LocalLedger.Client();
        owned.Add(real);
        // Another machine writes its release between this runner's read and its write: DynamoDB answers every call,
        // the other runner's write comes first.
        var client = new Mock<IAmazonDynamoDB>(MockBehavior.Strict);
        client.Setup(c => c.GetItemAsync(It.IsAny<GetItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((GetItemRequest request, CancellationToken token) => real.GetItemAsync(request, token));
        client.Setup(c => c.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutItemRequest request, CancellationToken token) =>
            {
                var seed = (await OpenAsync(ledger.Stack)).Operations;
                await seed.SetImageAsync("web", DeployColor.Green, "web:3", token);
                return await real.PutItemAsync(request, token);
            });
        var (slow, _, _) = await OpenAsync(ledger.Stack, new ReleaseLedger(client.Object, ledger.Stack));

        var error = await Assert.ThrowsAsync<RolloutLeaseException>(() => slow.SetWeightsAsync("web", new TrafficWeights(90, 10), CancellationToken.None));

        Assert.Equal(
            $"stack {ledger.Stack}: the release changed while this command ran: expected version 0, the ledger holds version 1; nothing was written, "
            + "read the release again: another runner is changing this stack", error.Message);
        var release = (await ledger.ReadReleaseAsync())!;
        Assert.Equal(("web:3", TrafficWeights.AllTo(DeployColor.Blue)), (release.Desired.Services["web"].Image.Green, ReleaseMapping.ToConfig("web", release.Desired.Services["web"]).Weights));
    }

    [OfflineSdkFact(Reason)]
    public async Task A_release_the_program_would_reject_is_refused_before_anything_is_written()
    {
        var name = await LocalLedger.NewStackAsync("ops");
        await File.WriteAllTextAsync(Path.Combine(folder, $"Pulumi.{name}.yaml"), OfflineProject.StackFile.Replace(
            "  infra:services:", "  infra:images:\n    allowedRegistries: [registry.example.com]\n  infra:services:").Replace("web:1", "registry.example.com/web:1"));
        var (operations, ledger, _) = await OpenAsync(name);
        var move = new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "docker.io/someone/web:2");

        var error = await Assert.ThrowsAsync<RolloutInputException>(() => operations.RequireDeclarableAsync([move], CancellationToken.None));

        Assert.StartsWith($"the program would reject this release on its next update, so nothing was changed: release ledger infra-{name}-releases: " +
            "infra:services.web.image.green: ", error.Message);
        Assert.Null(await ledger.ReadReleaseAsync());
        await operations.RequireDeclarableAsync([move with { Image = "registry.example.com/web:2" }], CancellationToken.None);
    }

    public void Dispose()
    {
        owned.ForEach(o => o.Dispose());
        Directory.Delete(folder, recursive: true);
    }

    private string StackFilePath { get; set; } = "";

    /// <summary>A stack of its own (its ledger table exists) in a project whose program is infra/.</summary>
    private async Task<(LedgerStackOperations Operations, ReleaseLedger Ledger, WorkspaceStack Stack)> OpenAsync(
        string? existing = null, ReleaseLedger? ledger = null)
    {
        var name = existing ?? await LocalLedger.NewStackAsync("ops");
        OfflineProject.WriteProjectFile(folder);
        StackFilePath = Path.Combine(folder, $"Pulumi.{name}.yaml");
        if (!File.Exists(StackFilePath)) await File.WriteAllTextAsync(StackFilePath, OfflineProject.StackFile);
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(name, folder));
        ledger ??= LocalLedger.Ledger(name);
        var hold = new RolloutHold(ledger, takeOver: false, TimeProvider.System, new LedgerJournal(ledger));
        owned.Add(hold);
        owned.Add(stack);
        var settings = await stack.ReadSettingsAsync(CancellationToken.None);
        return (new LedgerStackOperations(stack, ledger, ReleaseMapping.Seed(settings), hold, settings), ledger, stack);
    }
}
