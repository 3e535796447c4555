using System.Reflection;
using System.Text.Json.Nodes;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>
/// The offline workspace's updates behave as the CLI's where a test can see it: every up and preview runs this
/// repository's program with the stack's config, fails with the program's message, with the engine's message for a
/// target the program does not declare, and as the local backend does when another update holds the stack.
/// </summary>
public sealed class OfflineWorkspaceUpdateTests : IDisposable
{
    private const string StackUrn = "urn:pulumi:test::infra::pulumi:pulumi:Stack::infra-test";

    private readonly string folder = Directory.CreateTempSubdirectory("workspace-up-").FullName;

    public OfflineWorkspaceUpdateTests()
    {
        OfflineProject.WriteProjectFile(folder);
        File.WriteAllText(Path.Combine(folder, "Pulumi.test.yaml"), OfflineProject.StackFile);
    }

    private string StateFolder => Path.Combine(folder, ".pulumi-offline");

    private string HistoryPath => Path.Combine(StateFolder, "test.history.json");

    private string OutputsPath => Path.Combine(StateFolder, "test.outputs.json");

    [OfflineSdkFact("asserts the offline workspace's emulation of the CLI running the program on update")]
    public async Task An_update_runs_the_program_and_its_validation_fails_the_update_with_its_message()
    {
        var stack = await StackAsync();
        await stack.SetConfigAsync("infra:services.web.liveColour", new ConfigValue("green"), path: true);

        var error = await Assert.ThrowsAsync<CommandException>(() => stack.UpAsync());

        Assert.Equal(nameof(CommandException), error.Name);
        Assert.StartsWith("code: 255\nstdout: ", error.Message);
        Assert.Contains("stderr: ", error.Message);
        Assert.Contains("\nerror: Pulumi.test.yaml: infra:services.web.liveColour: unknown key; did you mean 'liveColor'?\n", error.Message);
        Assert.Equal("failed", Assert.Single(History())["result"]!.GetValue<string>());
        Assert.Empty(await stack.GetOutputsAsync());
        Assert.False(File.Exists(Path.Combine(StateFolder, "test.lock")));
    }

    [OfflineSdkFact("asserts the offline workspace's emulation of the engine's unknown-target message")]
    public async Task A_target_the_program_does_not_declare_fails_the_update_with_the_engines_message()
    {
        var stack = await StackAsync();
        const string unescaped = "urn:pulumi:test::infra::aws:s3/bucket:Bucket::nowhere";
        const string nested = "urn:pulumi:test::infra::infra:compute:BlueGreenService$aws:ecs/service:Service::web-purple";

        var error = await Assert.ThrowsAsync<CommandException>(() => stack.UpAsync(new UpOptions { Target = [OfflineProject.GreenServiceUrn, unescaped, nested] }));

        Assert.Equal(nameof(CommandException), error.Name);
        Assert.EndsWith(
            $"error: Target '{unescaped}' could not be found in the stack. Did you forget to escape $ in your shell?\n" +
            $"error: Target '{nested}' could not be found in the stack.\n\n",
            error.Message);
        Assert.DoesNotContain(OfflineProject.GreenServiceUrn + "'", error.Message);
        Assert.Equal("failed", Assert.Single(History())["result"]!.GetValue<string>());
        Assert.False(File.Exists(OutputsPath));
    }

    [OfflineSdkFact("asserts the offline workspace's lock file and its concurrent-update message")]
    public async Task Another_update_holding_the_stack_raises_ConcurrentUpdateException_and_nothing_runs_or_is_recorded()
    {
        var stack = await StackAsync();
        Directory.CreateDirectory(StateFolder);
        var lockPath = Path.Combine(StateFolder, "test.lock");
        const string lockContent = """{"pid":4242,"username":"ci","hostname":"runner-2","timestamp":"2026-11-30T10:00:00Z"}""";
        File.WriteAllText(lockPath, lockContent);
        var expected = "code: 255\nstdout: \nstderr: error: the stack is currently locked by 1 lock(s). Either wait for the other " +
            $"process(es) to end or delete the lock file with `pulumi cancel`.\n  {lockPath}: created by ci@runner-2 (pid 4242) at 2026-11-30T10:00:00Z\n\n";

        var up = await Assert.ThrowsAsync<ConcurrentUpdateException>(() => stack.UpAsync());
        var preview = await Assert.ThrowsAsync<ConcurrentUpdateException>(() => stack.PreviewAsync());

        Assert.Equal((nameof(ConcurrentUpdateException), expected), (up.Name, up.Message));
        Assert.Equal(expected, preview.Message);
        Assert.Equal(lockContent, File.ReadAllText(lockPath));
        Assert.False(File.Exists(HistoryPath));
    }

    [OfflineSdkFact("asserts the offline workspace's record of the last update's outputs")]
    public async Task An_update_of_the_stack_resource_records_its_outputs_and_a_targeted_update_without_it_keeps_them()
    {
        var stack = await StackAsync();
        await stack.SetConfigAsync("infra:alerting.slackWebhookUrl", new ConfigValue("https://hooks.slack.com/services/T0/B0/x", isSecret: true), path: true);
        Assert.Empty(await stack.GetOutputsAsync());

        var first = await stack.UpAsync(new UpOptions { Message = "full" });
        Assert.Equal(("blue", "staging", false), (LiveColor(first.Outputs), first.Outputs["environment"].Value, first.Outputs["environment"].IsSecret));
        Assert.Equal((UpdateKind.Update, UpdateState.Succeeded, 1, "full"), (first.Summary.Kind, first.Summary.Result, first.Summary.Version, first.Summary.Message));
        Assert.Contains("offline update of the whole stack of stack 'test': the program declared ", first.StandardOutput);

        await stack.SetConfigAsync("infra:services.web.image.green", new ConfigValue("web:2"), path: true);
        await stack.SetConfigAsync("infra:services.web.liveColor", new ConfigValue("green"), path: true);
        var targeted = await stack.UpAsync(new UpOptions { Target = [OfflineProject.GreenServiceUrn] });
        Assert.Equal("blue", LiveColor(targeted.Outputs));
        Assert.Equal("blue", LiveColor(await stack.GetOutputsAsync()));

        var withStack = await stack.UpAsync(new UpOptions { Target = [OfflineProject.GreenServiceUrn, StackUrn] });
        Assert.Equal("green", LiveColor(withStack.Outputs));
        Assert.Equal("green", LiveColor(await stack.GetOutputsAsync()));
        Assert.Equal([1, 2, 3], History().Select(h => h["version"]!.GetValue<int>()));
        Assert.DoesNotContain("hooks.slack.com", File.ReadAllText(HistoryPath) + File.ReadAllText(OutputsPath));
    }

    [OfflineSdkFact("asserts the offline workspace's targeted refresh: the state's resources, the engine's unknown-target message, the history")]
    public async Task A_targeted_refresh_runs_no_program_fails_on_a_resource_the_state_does_not_hold_and_is_recorded()
    {
        var stack = await StackAsync();
        var beforeAnyUpdate = await Assert.ThrowsAsync<CommandException>(() => stack.RefreshAsync(new RefreshOptions { Target = [OfflineProject.GreenServiceUrn] }));
        Assert.EndsWith($"error: Target '{OfflineProject.GreenServiceUrn}' could not be found in the stack.\n\n", beforeAnyUpdate.Message);
        await stack.UpAsync();
        // A config the program rejects: a refresh does not run the program, so it does not fail on it.
        await stack.SetConfigAsync("infra:services.web.liveColour", new ConfigValue("green"), path: true);

        var refreshed = await stack.RefreshAsync(new RefreshOptions { Target = [OfflineProject.GreenServiceUrn], Message = "after a switch" });

        Assert.Equal((UpdateKind.Refresh, UpdateState.Succeeded, 3, "after a switch"),
            (refreshed.Summary.Kind, refreshed.Summary.Result, refreshed.Summary.Version, refreshed.Summary.Message));
        Assert.Equal($"offline refresh of 1 target(s) of stack 'test': nothing is deployed, so the state already matches\n  {OfflineProject.GreenServiceUrn}\n",
            refreshed.StandardOutput);
        Assert.Equal(["refresh", "update", "refresh"], History().Select(h => h["kind"]!.GetValue<string>()));
        Assert.Equal(["failed", "succeeded", "succeeded"], History().Select(h => h["result"]!.GetValue<string>()));
        Assert.False(File.Exists(Path.Combine(StateFolder, "test.lock")));
    }

    [OfflineSdkFact("asserts the offline workspace's preview and its update history file")]
    public async Task A_preview_runs_the_program_and_records_nothing()
    {
        var stack = await StackAsync();

        var result = await stack.PreviewAsync();

        Assert.Contains("offline preview of the whole stack of stack 'test': the program declared ", result.StandardOutput);
        Assert.False(File.Exists(HistoryPath));
        Assert.False(File.Exists(OutputsPath));
        await stack.SetConfigAsync("infra:services.web.liveColour", new ConfigValue("green"), path: true);
        var error = await Assert.ThrowsAsync<CommandException>(() => stack.PreviewAsync(new PreviewOptions()));
        Assert.Contains("\nerror: Pulumi.test.yaml: infra:services.web.liveColour: unknown key; did you mean 'liveColor'?\n", error.Message);
        Assert.False(File.Exists(HistoryPath));
        Assert.Empty(await stack.GetOutputsAsync());
    }

    [OfflineSdkFact("asserts the offline workspace's message for a program that is not built")]
    public async Task A_program_that_is_not_built_fails_the_update_saying_how_to_build_it()
    {
        var program = Directory.CreateDirectory(Path.Combine(folder, "app")).FullName;
        File.WriteAllText(Path.Combine(program, "app.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>App</AssemblyName></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\nmain: app\n");
        var configuration = typeof(OfflineWorkspaceUpdateTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(program, "bin", configuration, "net10.0", "App.dll");

        var error = await Assert.ThrowsAsync<CommandException>(async () => await (await StackAsync()).UpAsync());

        Assert.Equal(
            $"code: 255\nstdout: \nstderr: error: the program of project 'infra' is not built: {dll} does not exist. The offline workspace runs " +
            $"the built program and does not build it; build it first: dotnet build {program} -c {configuration} -p:OfflineSdk=true\n\n",
            error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The stack, with the program pointed at a ledger server (which has no table for it: the stack file seeds the release).</summary>
    private async Task<WorkspaceStack> StackAsync()
    {
        await LocalLedger.EnsureStartedAsync();
        return await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));
    }

    private List<JsonNode> History() => JsonNode.Parse(File.ReadAllText(HistoryPath))!.AsArray().Select(n => n!).ToList();

    private static object LiveColor(IReadOnlyDictionary<string, OutputValue> outputs) =>
        ((Dictionary<string, object>)((Dictionary<string, object>)outputs["services"].Value)["web"])["liveColor"];
}
