using Infra.Runner;
using Infra.Runner.Adapters;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Cli;

public sealed class RunnerCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cli-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Theory]
    [InlineData("deploy needs at least one --service, e.g. --service web=IMAGE", "deploy", "--stack", "staging")]
    [InlineData("--steps must increase: 5 follows 10", "deploy", "--stack", "staging", "--service", "web=web:2", "--steps", "10,5")]
    [InlineData("--bake: 'soon' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", "deploy", "--stack", "staging", "--service", "web", "--bake", "soon")]
    [InlineData("--insufficient-data must be ok or fail, got 'maybe'", "deploy", "--stack", "staging", "--service", "web", "--insufficient-data", "maybe")]
    [InlineData("--service web is given twice", "deploy", "--stack", "staging", "--service", "web", "--service", "web=web:3")]
    public async Task Bad_deploy_flags_exit_2_with_the_reason_before_the_stack_is_opened(string reason, params string[] args)
    {
        var code = await RunAsync([.. args, "--work-dir", folder]);

        Assert.Equal(2, code);
        Assert.Equal($"deploy: {reason}{Environment.NewLine}", output.ToString());
    }

    [Theory]
    [InlineData("Option '--stack' is required.", "status")]
    [InlineData("Unrecognized command or argument '--bogus'.", "status", "--stack", "staging", "--bogus")]
    [InlineData("Cannot parse argument 'many' for option '--smoke-successes' as expected type 'System.Nullable`1[System.Int32]'.", "deploy", "--stack", "s", "--service", "web", "--smoke-successes", "many")]
    public async Task Parse_errors_exit_2_with_the_reason(string reason, params string[] args)
    {
        var code = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(reason, errors.ToString());
        Assert.EndsWith($"Run with --help for usage.{Environment.NewLine}", errors.ToString());
    }

    [OfflineSdkFact("asserts the offline workspace's message for a stack without a stack file")]
    public async Task A_stack_without_a_stack_file_is_bad_input()
    {
        var code = await RunAsync(["status", "--stack", "nowhere", "--work-dir", folder]);

        Assert.Equal(2, code);
        Assert.Contains($"Bad input: no stack named 'nowhere' found: {Path.Combine(folder, "Pulumi.nowhere.yaml")} does not exist", output.ToString());
    }

    [Fact]
    public async Task History_prints_the_stacks_journal_from_its_release_ledger()
    {
        var stack = await StackWithLedgerAsync();
        var journal = new LedgerJournal(LocalLedger.Ledger(stack));
        await journal.AppendAsync(new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.Started, "Rollout r1 started: web -> green", new Dictionary<string, string>()), CancellationToken.None);
        await journal.AppendAsync(new RolloutEvent(RolloutHarness.Start.AddMinutes(3), "r2", RolloutEventKind.RolledBack, "Rolled back web", new Dictionary<string, string>()), CancellationToken.None);

        var code = await RunAsync(["history", "--stack", stack, "--work-dir", folder, "--rollout", "r1"]);

        Assert.Equal(0, code);
        Assert.Contains("2026-03-01 12:00:00Z r1 Started: Rollout r1 started: web -> green", output.ToString());
        Assert.DoesNotContain("r2", output.ToString());
    }

    [Fact]
    public async Task History_with_log_json_writes_one_json_object_per_line()
    {
        var stack = await StackWithLedgerAsync();

        var code = await RunAsync(["history", "--stack", stack, "--work-dir", folder, "--log-json"]);

        Assert.Equal(0, code);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line));
        Assert.Contains("No rollout events in the release ledger of", lines[^1]);
    }

    [Fact]
    public async Task A_stack_whose_ledger_table_does_not_exist_yet_is_a_one_line_failure_saying_what_to_do()
    {
        var endpoint = (await LocalLedger.EnvironmentAsync())["AWS_ENDPOINT_URL_DYNAMODB"];
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(folder, "Pulumi.fresh.yaml"), File.ReadAllText(RepoFiles.StackFile("staging")));

        var code = await RunAsync(["status", "--stack", "fresh", "--work-dir", folder]);

        Assert.Equal(1, code);
        var last = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.EndsWith(
            $"ERR Release ledger: the release ledger table infra-fresh-releases does not exist in endpoint {endpoint}; " +
            "stack fresh declares it, so run `pulumi up` on the stack first", last);
    }

    /// <summary>A valid stack file in the test's folder for a fresh stack whose ledger table exists.</summary>
    private async Task<string> StackWithLedgerAsync()
    {
        var stack = await LocalLedger.NewStackAsync();
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(folder, $"Pulumi.{stack}.yaml"), OfflineProject.StackFile);
        return stack;
    }

    [Fact]
    public async Task A_bake_flag_shorter_than_the_stacks_longest_gate_window_exits_2_with_the_window()
    {
        var stack = await StackWithLedgerAsync();

        var code = await RunAsync(["deploy", "--stack", stack, "--work-dir", folder, "--service", "web=web:2", "--bake", "3m"]);

        Assert.Equal(2, code);
        Assert.Contains("--bake 3m is out of range; allowed 4m or more " +
            "(the colorResponseTimeP99 gate alarm evaluates 3 periods of 60 s; a bake needs that window plus one period)", output.ToString());
    }

    [Fact]
    public async Task The_top_level_help_states_the_exit_codes_once()
    {
        var code = await RunAsync(["--help"]);

        Assert.Equal(0, code);
        var help = output.ToString().ReplaceLineEndings(" ").Replace("  ", " ");
        Assert.Contains(ExitCodes.Help, help);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(help, "Exit codes:"));
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("rollback")]
    [InlineData("promote")]
    [InlineData("abort")]
    [InlineData("resume")]
    [InlineData("status")]
    [InlineData("history")]
    [InlineData("drill")]
    public async Task A_command_help_leaves_the_exit_codes_to_the_top_level_help(string command)
    {
        var code = await RunAsync([command, "--help"]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("Exit codes", output.ToString());
        Assert.DoesNotContain("plans differ", output.ToString());
    }

    [Fact]
    public async Task Plan_json_into_a_missing_folder_exits_2_before_any_output()
    {
        var missing = Path.Combine(folder, "out");
        var json = new FileInfo(Path.Combine(missing, "plan.json"));

        var code = await PlanCommand.RunAsync(Path.Combine(folder, "Pulumi.staging.yaml"), json, output, errors);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"plan: --json {json.FullName}: the folder {missing} does not exist; create it first{Environment.NewLine}", errors.ToString());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Plan_json_naming_a_folder_exits_2_before_any_output()
    {
        var code = await PlanCommand.RunAsync(Path.Combine(folder, "Pulumi.staging.yaml"), new FileInfo(folder), output, errors);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal($"plan: --json {folder}: is a folder; name the file to write{Environment.NewLine}", errors.ToString());
    }

    [Fact]
    public async Task The_plan_says_in_one_line_that_its_release_values_are_the_stack_files()
    {
        var code = await PlanCommand.RunAsync(RepoFiles.StackFile("staging"), null, output, errors);

        Assert.Equal(0, code);
        Assert.Single(errors.ToString().Split(Environment.NewLine), line => line == PlanCommand.ReleaseSourceNote);
        Assert.Equal(
            "note: images, weights, live colors and running flags are the stack file's; pulumi up declares the release ledger's instead",
            PlanCommand.ReleaseSourceNote);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<int> RunAsync(string[] args) => RunnerCli.RunAsync(args, output, errors);
}
