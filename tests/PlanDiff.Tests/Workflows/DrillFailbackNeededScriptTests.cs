namespace PlanDiff.Tests.Workflows;

/// <summary>
/// .github/scripts/drill-failback-needed.sh, dr-drill.yml's decision after the drill step: the JSON report's
/// mayBePromoted, or without a readable report, how the step ended and the runner's exit code.
/// </summary>
public sealed class DrillFailbackNeededScriptTests : IDisposable
{
    private const string Usage = "usage: drill-failback-needed.sh REPORT_JSON STEP_OUTCOME [RUNNER_EXIT]";

    private readonly WorkflowScript _script = new();

    public void Dispose() => _script.Dispose();

    private string Report => Path.Combine(_script.Folder, "dr-drill-report.json");

    private Task<(int Exit, string Out, string Err)> DecideAsync(string outcome, string exit) =>
        _script.RunAsync("drill-failback-needed.sh", [Report, outcome, exit]);

    [Theory]
    [InlineData("""{"outcome":"failed","mayBePromoted":true}""", "failure", "1", "true")]
    [InlineData("""{"outcome":"interrupted","mayBePromoted":true}""", "failure", "130", "true")]
    [InlineData("""{"outcome":"failed","mayBePromoted":false}""", "failure", "1", "false")]
    [InlineData("""{"outcome":"succeeded","mayBePromoted":true}""", "success", "0", "true")]
    public async Task A_readable_report_decides_by_its_may_be_promoted(string json, string outcome, string exit, string needed)
    {
        await File.WriteAllTextAsync(Report, json);

        Assert.Equal((0, $"needed={needed}\n", $"drill-failback-needed: the drill's report says mayBePromoted: {needed}\n"), await DecideAsync(outcome, exit));
    }

    [Theory]
    [InlineData("cancelled", "", "exit not recorded")]
    [InlineData("failure", "", "exit not recorded")]
    [InlineData("failure", "1", "exit 1")]
    [InlineData("failure", "137", "exit 137")]
    [InlineData("failure", "130", "exit 130")]
    [InlineData("success", "0", "exit 0")]
    public async Task A_drill_step_that_ran_without_a_report_may_have_promoted_so_it_fails_back(string outcome, string exit, string shown)
    {
        Assert.Equal((0, "needed=true\n", $"drill-failback-needed: the drill step ended {outcome} ({shown}) without a readable report; it may have promoted, so fail back\n"),
            await DecideAsync(outcome, exit));
    }

    [Fact]
    public async Task A_report_cut_short_counts_as_none()
    {
        await File.WriteAllTextAsync(Report, """{"outcome":"failed","mayBePro""");

        Assert.Equal((0, "needed=true\n", "drill-failback-needed: the drill step ended cancelled (exit not recorded) without a readable report; it may have promoted, so fail back\n"),
            await DecideAsync("cancelled", ""));
    }

    /// <summary>A refusal must not fail back: a stack failed over on purpose makes the drill refuse (exit 2).</summary>
    [Theory]
    [InlineData("2")]
    [InlineData("4")]
    [InlineData("5")]
    public async Task A_runner_that_ended_before_the_drill_began_changed_nothing(string exit)
    {
        Assert.Equal((0, "needed=false\n", $"drill-failback-needed: the runner ended before the drill began (exit {exit}) and wrote no report; nothing was promoted\n"),
            await DecideAsync("failure", exit));
    }

    [Fact]
    public async Task A_drill_step_that_never_ran_changed_nothing()
    {
        Assert.Equal((0, "needed=false\n", "drill-failback-needed: the drill step was skipped; nothing was promoted\n"),
            await DecideAsync("skipped", ""));
    }

    [Theory]
    [InlineData("failed", "1", "drill-failback-needed: expected the drill step's outcome (success, failure, cancelled or skipped), got 'failed' ({0})\n")]
    [InlineData("failure", "one", "drill-failback-needed: expected the runner's exit code (digits, or empty when none was recorded), got 'one' ({0})\n")]
    public async Task Arguments_that_are_not_an_outcome_and_an_exit_code_are_refused(string outcome, string exit, string message)
    {
        Assert.Equal((2, "", string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Usage)), await DecideAsync(outcome, exit));
    }
}
