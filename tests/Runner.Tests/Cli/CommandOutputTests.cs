using Infra.Runner;
using Infra.Runner.Commands;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;
using Runner.Tests.Adapters.Support;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Cli;

/// <summary>What the rollout commands print and the exit codes they return for each ending.</summary>
public sealed class CommandOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cmd-").FullName;
    private readonly StringWriter output = new();

    public CommandOutputTests()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        WriteStack("test", "eu-west-1");
    }

    /// <summary>The smallest valid stack file, in <paramref name="region"/>.</summary>
    private void WriteStack(string stack, string region) => File.WriteAllText(Path.Combine(folder, $"Pulumi.{stack}.yaml"),
        OfflineProject.StackFile.Replace("aws:region: eu-west-1", $"aws:region: {region}", StringComparison.Ordinal));

    private RunnerSettings Settings => new("test", folder, LogJson: false);

    [Fact]
    public void A_progress_line_names_step_weight_time_left_and_alarm_states()
    {
        using var logger = RunnerLog.Create(output, json: false);

        RunnerLog.Progress(logger).Report(new RolloutProgress("r1", RolloutPhase.Shifting, 2, 3, 50, TimeSpan.FromSeconds(130),
            new Dictionary<string, AlarmState> { ["web-green-5xx"] = AlarmState.Ok, ["web-error-rate"] = AlarmState.InsufficientData }));

        Assert.EndsWith(
            "INF r1 Shifting step 2/3: 50% on the new color, 00:02:10 left; alarms: web-error-rate=INSUFFICIENT_DATA, web-green-5xx=OK" + Environment.NewLine,
            output.ToString());
    }

    [Fact]
    public void Status_prints_each_service_the_rollout_and_every_alarm()
    {
        using var logger = RunnerLog.Create(output, json: false);
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 1, RolloutHarness.Start, PromotionRequest.None);

        StatusCommand.Print(new RolloutStatus(
            [new ServiceConfig("web", DeployColor.Blue, new TrafficWeights(50, 50), new ColorConfig("web:1", true), new ColorConfig("web:2", true))],
            record,
            new Dictionary<string, AlarmState> { ["web-green-5xx"] = AlarmState.Alarm }), logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(
        [
            "INF web: live blue, weights blue=50 green=50; blue web:1 (running), green web:2 (running)",
            "INF Rollout r1 in progress since 2026-03-01 12:00:00Z: phase Shifting, step 2/3 (50%), web blue -> green (web:2)",
            "INF Alarm web-green-5xx: ALARM",
        ], lines);
    }

    [Fact]
    public void Status_prints_the_dr_promotion_and_warns_while_a_fail_back_switches_back()
    {
        using var logger = RunnerLog.Create(output, json: false);
        var at = RolloutHarness.Start;

        StatusCommand.PrintDr(DrPromotion.NotPromoted, new DrRecord(3, DrPromotion.NotPromoted, at, "infra-runner on ci"), "production", logger);
        StatusCommand.PrintDr(DrPromotion.Promoted, new DrRecord(1, DrPromotion.Promoted, at, "infra-runner on dr-host"), "production", logger);
        StatusCommand.PrintDr(DrPromotion.Promoted, null, "production", logger);
        StatusCommand.PrintDr(DrPromotion.SwitchingBack, new DrRecord(2, DrPromotion.SwitchingBack, at, "infra-runner on ci"), "production", logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(
        [
            "INF DR region not promoted",
            "INF DR region promoted since 2026-03-01 12:00:00Z (infra-runner on dr-host): its database is the writer; fail back with `infra-runner failback --stack production`",
            "INF DR region promoted (an older release document's drPromoted): its database is the writer; fail back with `infra-runner failback --stack production`",
            "WRN DR region switching back since 2026-03-01 12:00:00Z (infra-runner on ci): a fail-back stopped or is stopping the DR services, and no service runs " +
            "in either region until it promotes the primary's database; if no fail-back is running, finish it with `infra-runner failback --stack production --yes`",
        ], lines);
    }

    [Fact]
    public void Status_without_readable_alarms_prints_the_services_and_the_rollout_and_says_why_in_one_line()
    {
        using var logger = RunnerLog.Create(output, json: false);

        StatusCommand.Print(new RolloutStatus(
            [new ServiceConfig("web", DeployColor.Green, TrafficWeights.AllTo(DeployColor.Green), new ColorConfig("web:1", false), new ColorConfig("web:2", true))],
            null,
            new Dictionary<string, AlarmState>()) { AlarmsUnreadable = "5 alarms could not be read in eu-west-1: no AWS here" }, logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(
        [
            "INF web: live green, weights blue=0 green=100; blue web:1 (scaled to zero), green web:2 (running)",
            "INF No rollout in progress",
            "WRN Alarm states unknown: 5 alarms could not be read in eu-west-1: no AWS here",
        ], lines);
    }

    [Theory]
    [InlineData(RolloutOutcome.Succeeded, 0, "INF Succeeded: done")]
    [InlineData(RolloutOutcome.RolledBack, 1, "WRN RolledBack: done")]
    [InlineData(RolloutOutcome.BadInput, 2, "ERR BadInput: done")]
    [InlineData(RolloutOutcome.RollbackFailed, 3, "FTL RollbackFailed: done")]
    [InlineData(RolloutOutcome.StackBusy, 4, "ERR StackBusy: done")]
    public async Task Each_outcome_is_logged_and_returned_as_its_exit_code(RolloutOutcome outcome, int exitCode, string line)
    {
        var code = await CommandRunner.RunAsync(Settings, output, (_, _, _) => Task.FromResult(new RolloutResult(outcome, "done")), CancellationToken.None);

        Assert.Equal(exitCode, code);
        Assert.EndsWith(line + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task A_success_that_needs_attention_is_logged_as_a_warning_with_exit_0()
    {
        var code = await CommandRunner.RunAsync(Settings, output,
            (_, _, _) => Task.FromResult(new RolloutResult(RolloutOutcome.Succeeded, "old colors still run") { NeedsAttention = true }),
            CancellationToken.None);

        Assert.Equal(0, code);
        Assert.EndsWith("WRN Succeeded: old colors still run" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task Ctrl_c_exits_130_and_says_the_record_is_kept()
    {
        using var interrupt = new CancellationTokenSource();

        var code = await CommandRunner.RunAsync(Settings, output, async (_, _, token) =>
        {
            await interrupt.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new RolloutResult(RolloutOutcome.Succeeded, "unreachable");
        }, interrupt.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("WRN Interrupted: any rollout record stays in the release ledger; run resume to continue or rollback to revert, from any machine", output.ToString());
    }

    [Fact]
    public async Task An_unexpected_failure_exits_1_with_its_reason()
    {
        var code = await CommandRunner.RunAsync(Settings, output, (_, _, _) => throw new NotSupportedException("no AWS here"), CancellationToken.None);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("ERR Failed: no AWS here", output.ToString());
    }

    // In this class, not its own, so no other test's session sets AWS_REGION while these run.
    [Fact]
    public async Task CloudWatch_and_the_ledger_are_read_in_the_stacks_aws_region_even_when_AWS_REGION_names_another()
    {
        WriteStack("tokyo", "ap-northeast-1");
        var original = Environment.GetEnvironmentVariable("AWS_REGION");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        try
        {
            var code = await CommandRunner.RunAsync(Settings with { Stack = "tokyo" }, output,
                (_, _, _) => Task.FromResult(new RolloutResult(RolloutOutcome.Succeeded, "done")), CancellationToken.None);

            Assert.Equal(0, code);
            Assert.Contains("WRN AWS_REGION is us-east-1; CloudWatch and the ledger are read in the stack's region instead", output.ToString());
            Assert.Contains("INF Reading CloudWatch alarms and the release ledger in ap-northeast-1 (the stack's aws:region)", output.ToString());
            // The client is built for the stack's region; the process environment is not rewritten.
            Assert.Equal("us-east-1", Environment.GetEnvironmentVariable("AWS_REGION"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_REGION", original);
        }
    }

    [Fact]
    public async Task A_stack_without_an_aws_region_is_bad_input()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.noregion.yaml"), "config:\n  infra:environment: staging\n");

        var code = await CommandRunner.RunAsync(Settings with { Stack = "noregion" }, output,
            (_, _, _) => Task.FromResult(new RolloutResult(RolloutOutcome.Succeeded, "unreachable")), CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ERR Invalid stack config: Pulumi.noregion.yaml: aws:region: required; set the primary AWS region, e.g. eu-west-1", output.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
