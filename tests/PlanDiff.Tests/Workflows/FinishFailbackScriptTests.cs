namespace PlanDiff.Tests.Workflows;

/// <summary>
/// .github/scripts/finish-failback.sh, which dr-drill.yml runs before the drill, with a stand-in for dotnet that
/// exits as the runner's <c>failback</c> would.
/// </summary>
public sealed class FinishFailbackScriptTests : IDisposable
{
    private const string Failback =
        "run --project runner/cli -c Release -- failback --stack staging --yes --lease-wait 30m --report dr-failback-earlier-report.md --log-json";

    private readonly WorkflowScript _script = new();

    public void Dispose() => _script.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunWithFailbackExitingAsync(int exit)
    {
        _script.StandIn("dotnet", $"""
            echo "$*" >> "{_script.Folder}/dotnet.log"
            exit {exit}
            """);
        return await _script.RunAsync("finish-failback.sh", ["staging"]);
    }

    private string[] DotnetCalls() => File.ReadAllLines(Path.Combine(_script.Folder, "dotnet.log"));

    [Fact]
    public async Task Nothing_to_fail_back_lets_the_drill_go_on()
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(6);

        Assert.Equal((0, "finish-failback: nothing to fail back on staging\n"), (exit, error));
        Assert.Equal([Failback], DotnetCalls());
    }

    [Fact]
    public async Task A_finished_fail_back_lets_the_drill_go_on()
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(0);

        Assert.Equal((0, "finish-failback: an unfinished fail-back of staging was finished; the drill starts from the original topology\n"), (exit, error));
        Assert.Equal([Failback], DotnetCalls());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(130)]
    public async Task A_fail_back_that_fails_or_refuses_stops_the_job_before_the_drill(int code)
    {
        var (exit, _, error) = await RunWithFailbackExitingAsync(code);

        Assert.Equal((code, $"finish-failback: failback of staging exited {code}; no drill until it is finished (see dr-failback-earlier-report.md)\n"), (exit, error));
    }

    [Fact]
    public async Task A_stack_name_that_is_not_one_is_refused_before_the_runner_starts()
    {
        var (exit, output, error) = await _script.RunAsync("finish-failback.sh", ["staging; rm -rf /"]);

        Assert.Equal((2, "", "finish-failback: expected a stack name (lower-case letters, digits, hyphens), got 'staging; rm -rf /' (usage: finish-failback.sh STACK)\n"),
            (exit, output, error));
        Assert.False(File.Exists(Path.Combine(_script.Folder, "dotnet.log")));
    }
}
