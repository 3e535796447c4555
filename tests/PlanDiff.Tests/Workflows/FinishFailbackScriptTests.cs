namespace PlanDiff.Tests.Workflows;

/// <summary>
/// .github/scripts/finish-failback.sh, which every fail-back job of dr-drill.yml runs, with a stand-in for dotnet that
/// exits as the runner's <c>failback</c> would.
/// </summary>
public sealed class FinishFailbackScriptTests : IDisposable
{
    private const string Failback =
        "run --project runner/cli -c Release -- failback --stack staging --yes --lease-wait 30m --report dr-failback-report.md --log-json";

    private readonly WorkflowScript _script = new();

    public void Dispose() => _script.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunWithFailbackExitingAsync(int exit, string report = "dr-failback-report.md")
    {
        _script.StandIn("dotnet", $"""
            echo "$*" >> "{_script.Folder}/dotnet.log"
            exit {exit}
            """);
        return await _script.RunAsync("finish-failback.sh", ["staging", report]);
    }

    private string[] DotnetCalls() => File.ReadAllLines(Path.Combine(_script.Folder, "dotnet.log"));

    [Fact]
    public async Task Nothing_to_fail_back_is_done_not_a_failure()
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(6);

        Assert.Equal((0, "finish-failback: nothing to fail back on staging\n"), (exit, error));
        Assert.Equal([Failback], DotnetCalls());
    }

    [Fact]
    public async Task A_finished_fail_back_is_done()
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(0);

        Assert.Equal((0, "finish-failback: the fail-back of staging finished (see dr-failback-report.md)\n"), (exit, error));
        Assert.Equal([Failback], DotnetCalls());
    }

    [Fact]
    public async Task The_report_named_is_the_one_the_runner_writes()
    {
        await RunWithFailbackExitingAsync(0, "dr-failback-earlier-report.md");

        Assert.Equal([Failback.Replace("dr-failback-report.md", "dr-failback-earlier-report.md", StringComparison.Ordinal)], DotnetCalls());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(130)]
    public async Task A_fail_back_that_fails_or_refuses_fails_the_job_with_the_runners_exit_code(int code)
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(code);

        Assert.Equal((code, $"finish-failback: failback of staging exited {code}; it is not finished (see dr-failback-report.md)\n"), (exit, error));
    }

    [Fact]
    public async Task A_stack_name_that_is_not_one_is_refused_before_the_runner_starts()
    {
        var (exit, output, error) = await _script.RunAsync("finish-failback.sh", ["staging; rm -rf /", "dr-failback-report.md"]);

        Assert.Equal((2, "", "finish-failback: expected a stack name (lower-case letters, digits, hyphens), got 'staging; rm -rf /' (usage: finish-failback.sh STACK REPORT)\n"),
            (exit, output, error));
        Assert.False(File.Exists(Path.Combine(_script.Folder, "dotnet.log")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../dr-failback-report.md")]
    [InlineData("dr-failback-report.json")]
    public async Task A_report_that_is_not_a_markdown_file_name_is_refused_before_the_runner_starts(string report)
    {
        var (exit, output, error) = await _script.RunAsync("finish-failback.sh", ["staging", report]);

        Assert.Equal((2, "", $"finish-failback: expected the report's file name (lower-case letters, digits, hyphens, ending .md), got '{report}' (usage: finish-failback.sh STACK REPORT)\n"),
            (exit, output, error));
        Assert.False(File.Exists(Path.Combine(_script.Folder, "dotnet.log")));
    }
}
