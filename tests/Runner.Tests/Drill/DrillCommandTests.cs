using Infra.Runner;
using Infra.Runner.Adapters;
using Infra.Runner.Commands;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Dr;

namespace Runner.Tests.Drill;

public sealed class DrillCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("drill-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();

    [Fact]
    public void The_workflows_command_line_parses()
    {
        var parse = RunnerCli.CreateRoot(output).Parse(["drill", "--stack", "staging", "--report", "dr-drill-report.md", "--log-json"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("drill", parse.CommandResult.Command.Name);
        Assert.Equal("staging", parse.GetValue<string>("--stack"));
        Assert.Equal("dr-drill-report.md", parse.GetValue<FileInfo?>("--report")!.Name);
    }

    [Theory]
    [InlineData("drill: --timeout: 'soon' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", "--timeout", "soon")]
    [InlineData("drill: --health-successes must be at least 1, got 0", "--health-successes", "0")]
    [InlineData("drill: --lease-wait: '1d' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", "--lease-wait", "1d")]
    [InlineData("drill: --lease-wait: '-30m' is not a duration; use a whole number of s, m or h, e.g. 90s, 5m, 1h", "--lease-wait=-30m")]
    public async Task Bad_flags_exit_2_with_the_reason_before_the_stack_is_opened(string reason, params string[] flags)
    {
        var code = await RunAsync(["drill", "--stack", "staging", "--work-dir", folder, .. flags]);

        Assert.Equal(2, code);
        Assert.Equal($"{reason}{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task Parse_errors_exit_2()
    {
        var code = await RunAsync(["drill", "--stack", "staging", "--fail-back"]);

        Assert.Equal(2, code);
        Assert.Contains("Unrecognized command or argument '--fail-back'.", errors.ToString());
    }

    [Fact]
    public void Without_stack_the_drill_is_on_staging_and_production_needs_its_own_flag()
    {
        var parse = RunnerCli.CreateRoot(output).Parse(["drill", "--restore", "--allow-production"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("staging", parse.GetValue<string>("--stack"));
        Assert.True(parse.GetValue<bool>("--restore"));
        Assert.True(parse.GetValue<bool>("--allow-production"));
        Assert.False(RunnerCli.CreateRoot(output).Parse(["drill"]).GetValue<bool>("--allow-production"));
    }

    [Fact]
    public void The_drills_failover_pages_slack_only_with_failovers_other_ports_unchanged()
    {
        var failover = new DrWorld().Ports;
        var slack = new Mock<INotifier>(MockBehavior.Strict).Object;

        var ports = DrillCommand.FailoverPorts(failover, slack);

        Assert.Same(slack, ports.Pager);
        Assert.NotSame(failover.Pager, ports.Pager);
        Assert.Equal(failover with { Pager = slack }, ports);
    }

    [Fact]
    public void The_json_report_goes_next_to_the_markdown_one()
    {
        Assert.Equal(Path.Combine(folder, "dr-drill-report.json"), ReportFiles.JsonPath(Path.Combine(folder, "dr-drill-report.md")));
    }

    [OfflineSdkFact("opens the stack and reads its config through the workspace")]
    public async Task A_production_stack_is_refused_without_allow_production_exit_2_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.Copy(RepoFiles.StackFile("production"), Path.Combine(folder, "Pulumi.production.yaml"));
        var report = Path.Combine(folder, "dr-drill-report.md");

        var code = await RunAsync(["drill", "--stack", "production", "--work-dir", folder, "--report", report]);

        Assert.Equal(2, code);
        Assert.Contains("drill: stack production is a production stack (infra:environment: production); a drill promotes its DR region or restores its " +
            "database into a new instance: add --allow-production to drill it", output.ToString());
        Assert.False(File.Exists(report));
        Assert.False(Directory.Exists(Path.Combine(folder, ".infra-runner")));
    }

    [Fact]
    public void Options_default_to_three_successes_within_30_minutes()
    {
        Assert.Equal(new DrillOptions(3, null), DrillCommand.ParseOptions(null, null));
        Assert.Equal(TimeSpan.FromMinutes(30), DrillCommand.ParseOptions(null, null).Timeout);
        Assert.Equal(TimeSpan.FromMinutes(45), DrillCommand.ParseOptions("45m", 5).Timeout);
    }

    [Fact]
    public void The_report_and_the_drill_journal_default_to_the_runner_folder()
    {
        var settings = new RunnerSettings("staging", folder, false);

        Assert.Equal(Path.Combine(folder, ".infra-runner", "dr-drill-staging-20260301-060000.md"),
            DrillCommand.DefaultReportPath(settings, DrillHarness.Start));
        Assert.Equal(Path.Combine(folder, ".infra-runner", "staging.drill.jsonl"), DrillCommand.DrillJournalPath(settings));
    }

    [OfflineSdkFact("opens the stack and reads its config through the workspace")]
    public async Task A_stack_without_replica_or_pilot_light_is_refused_with_both_reasons_and_no_report()
    {
        var stack = await LocalLedger.NewStackAsync("drill");
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        var staging = File.ReadAllText(RepoFiles.StackFile("staging"));
        // The whole block: the replicated repositories it lists are refused without a pilot light.
        var dr = staging[staging.IndexOf("  infra:dr:\n", StringComparison.Ordinal)..staging.IndexOf("  infra:alerting:\n", StringComparison.Ordinal)];
        Assert.StartsWith("  infra:dr:\n    replica: true\n    pilotLight: true\n", dr);
        var withoutDr = staging.Replace(dr, "  infra:dr:\n    replica: false\n");
        File.WriteAllText(Path.Combine(folder, $"Pulumi.{stack}.yaml"), withoutDr);
        var report = Path.Combine(folder, "dr-drill-report.md");

        var code = await RunAsync(["drill", "--stack", stack, "--work-dir", folder, "--report", report]);

        Assert.Equal(2, code);
        Assert.Contains($"Bad input: stack {stack} has no DR replica (infra:dr.replica is false); set it to true and run a full update before a drill", output.ToString());
        Assert.Contains($"Bad input: stack {stack} has no pilot light (infra:dr.pilotLight is false); set it to true and run a full update before a drill", output.ToString());
        Assert.False(File.Exists(report));
        Assert.Equal(withoutDr, File.ReadAllText(Path.Combine(folder, $"Pulumi.{stack}.yaml")));
    }

    [Fact]
    public async Task Drill_events_are_json_lines_in_their_own_file()
    {
        var path = Path.Combine(folder, "staging.drill.jsonl");
        var journal = new JsonLinesJournal(path);

        await journal.AppendAsync(new DrillEvent(DrillHarness.Start, "d20260301-060000", DrillEventKind.LagUnknown, "Replica lag: unknown",
            new Dictionary<string, string> { ["stack"] = "staging" }), CancellationToken.None);

        Assert.Equal(
            "{\"at\":\"2026-03-01T06:00:00+00:00\",\"drillId\":\"d20260301-060000\",\"kind\":\"lagUnknown\",\"message\":\"Replica lag: unknown\",\"data\":{\"stack\":\"staging\"}}",
            Assert.Single(File.ReadAllLines(path)));
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        output.Dispose();
        errors.Dispose();
    }

    private Task<int> RunAsync(string[] args) => RunnerCli.RunAsync(args, output, errors);
}
