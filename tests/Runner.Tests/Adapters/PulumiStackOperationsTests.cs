using System.Text.Json.Nodes;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Adapters;

/// <summary>The Automation API adapter against the offline workspace in a temporary project folder.</summary>
public sealed class PulumiStackOperationsTests : IDisposable
{
    private const string StackFile = """
        config:
          aws:region: eu-west-1
          infra:environment: staging
          infra:services:
            web:
              image:
                blue: web:1
              liveColor: blue
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("stack-ops-").FullName;

    public PulumiStackOperationsTests()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.WriteAllText(StackPath, StackFile);
    }

    private string StackPath => Path.Combine(folder, "Pulumi.test.yaml");

    private string StateFolder => Path.Combine(folder, ".pulumi-offline");

    [OfflineSdkFact("reads back the config it wrote through the workspace")]
    public async Task Service_config_written_by_the_setters_reads_back()
    {
        var stack = await OperationsAsync();

        await stack.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        await stack.SetRunningAsync("web", DeployColor.Green, true, CancellationToken.None);
        await stack.SetWeightsAsync("web", new TrafficWeights(90, 10), CancellationToken.None);
        await stack.SetLiveColorAsync("web", DeployColor.Green, CancellationToken.None);

        Assert.Equal(
            new ServiceConfig("web", DeployColor.Green, new TrafficWeights(90, 10), new ColorConfig("web:1", true), new ColorConfig("web:2", true)),
            await stack.ReadServiceConfigAsync("web", CancellationToken.None));
        var text = File.ReadAllText(StackPath);
        Assert.Contains("green: web:2", text);
        Assert.Contains("aws:region: eu-west-1", text);
    }

    [OfflineSdkFact("removes config through the workspace and reads it back")]
    public async Task Removing_an_image_clears_it()
    {
        var stack = await OperationsAsync();

        await stack.SetImageAsync("web", DeployColor.Blue, null, CancellationToken.None);

        Assert.Null((await stack.ReadServiceConfigAsync("web", CancellationToken.None)).Blue.Image);
    }

    [OfflineSdkFact("writes and reads the rollout record as workspace config")]
    public async Task The_rollout_record_is_one_config_value_that_round_trips()
    {
        var stack = await OperationsAsync();
        var plan = RolloutHarness.Plan("web=web:2");
        var record = new RolloutRecord("r1", RolloutHarness.Start, plan, [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.Shifting, 1, RolloutHarness.Start, PromotionRequest.None);

        Assert.Null(await stack.ReadRolloutRecordAsync(CancellationToken.None));
        await stack.WriteRolloutRecordAsync(record, CancellationToken.None);

        var stored = (await Workspace()).GetConfigAsync("infra:rolloutInProgress").Result.Value;
        Assert.Equal(RolloutRecordJson.Serialize(record), stored);
        Assert.Equal(RolloutRecordJson.Serialize(record), RolloutRecordJson.Serialize((await stack.ReadRolloutRecordAsync(CancellationToken.None))!));

        await stack.ClearRolloutRecordAsync(CancellationToken.None);
        Assert.Null(await stack.ReadRolloutRecordAsync(CancellationToken.None));
    }

    [OfflineSdkFact("reads the settings from config the workspace wrote")]
    public async Task The_stack_settings_read_what_the_runner_writes()
    {
        var stack = await OperationsAsync();
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 2, RolloutHarness.Start, PromotionRequest.SkipBake);
        await stack.SetImageAsync("web", DeployColor.Green, "web:2", CancellationToken.None);
        await stack.SetRunningAsync("web", DeployColor.Green, true, CancellationToken.None);
        await stack.SetWeightsAsync("web", new TrafficWeights(0, 100), CancellationToken.None);
        await stack.SetLiveColorAsync("web", DeployColor.Green, CancellationToken.None);
        await stack.WriteRolloutRecordAsync(record, CancellationToken.None);

        var loaded = Infra.Stacks.Loading.StackSettingsLoader.FromFile(StackPath);

        Assert.Empty(loaded.Errors);
        var web = Assert.Single(loaded.Settings!.Services);
        Assert.Equal((Infra.Stacks.Settings.Color.Green, 0, 100, true, true),
            (web.LiveColor, web.Weights.Blue, web.Weights.Green, web.Running.Blue, web.Running.Green));
        var inProgress = loaded.Settings.RolloutInProgress!;
        Assert.Equal(("r1", "shifting", 2), (inProgress.Id, inProgress.Phase, inProgress.Step));
        Assert.Equal([new Infra.Stacks.Settings.RolloutServiceMove("web", Infra.Stacks.Settings.Color.Green)], inProgress.Services);
    }

    [OfflineSdkFact("reads the targets of an update from the offline update history in .pulumi-offline/")]
    public async Task An_update_targets_exactly_the_given_urns_and_the_stack_for_its_outputs()
    {
        var stack = await OperationsAsync();
        await stack.SetWeightsAsync("web", new TrafficWeights(50, 50), CancellationToken.None);

        await stack.UpdateAsync(["urn:web:listener-rule"], CancellationToken.None);

        var update = Assert.Single(History());
        Assert.Equal(["urn:web:listener-rule", "urn:pulumi:test::infra::pulumi:pulumi:Stack::infra-test"],
            update["targets"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("\"green\":50", update["config"]!["infra:services"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(StateFolder, "test.lock")));
    }

    [OfflineSdkFact("locks the stack through the offline lock file in .pulumi-offline/")]
    public async Task A_locked_stack_is_busy_and_nothing_is_recorded()
    {
        var stack = await OperationsAsync();
        Directory.CreateDirectory(StateFolder);
        File.WriteAllText(Path.Combine(StateFolder, "test.lock"), "pid 1\n");

        var busy = await Assert.ThrowsAsync<StackBusyException>(() => stack.UpdateAsync(["urn:web:listener-rule"], CancellationToken.None));

        Assert.IsType<ConcurrentUpdateException>(busy.InnerException);
        Assert.StartsWith("the stack 'test' is currently locked by another update", busy.Message);
        Assert.False(File.Exists(Path.Combine(StateFolder, "test.history.json")));
    }

    [OfflineSdkFact("asserts the offline workspace's message for a stack without a stack file")]
    public async Task Selecting_a_stack_without_a_stack_file_fails()
    {
        var error = await Assert.ThrowsAsync<StackNotFoundException>(() =>
            LocalWorkspace.SelectStackAsync(new LocalProgramArgs("prod", folder)));

        Assert.Equal($"no stack named 'prod' found: {Path.Combine(folder, "Pulumi.prod.yaml")} does not exist", error.Message);
    }

    [OfflineSdkFact("selects a stack through the workspace")]
    public async Task Outputs_come_from_the_given_source()
    {
        var stack = new PulumiStackOperations(await Workspace(), new FixedOutputs(StackOutputsReaderTests.Outputs("web")));

        var outputs = await stack.ReadOutputsAsync(CancellationToken.None);

        Assert.Equal(["urn:web:listener-rule"], outputs.For("web").TrafficUrns);
    }

    [OfflineSdkFact("selects a stack through the workspace")]
    public async Task The_stack_name_is_the_selected_stack()
    {
        var stack = await OperationsAsync();

        Assert.Equal("test", stack.StackName);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<WorkspaceStack> Workspace() => LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

    private async Task<PulumiStackOperations> OperationsAsync() => new(await Workspace(), new FixedOutputs([]));

    private List<JsonNode> History() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(StateFolder, "test.history.json")))!.AsArray().Select(n => n!).ToList();

    private sealed class FixedOutputs(JsonObject outputs) : IStackOutputsSource
    {
        public Task<JsonObject> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(outputs);
    }
}
