using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;

namespace Runner.Tests.Drill;

public class DrillEngineTests
{
    [Fact]
    public async Task A_drill_measures_rpo_then_promotes_with_one_full_update_and_measures_rto_under_the_clock()
    {
        var harness = new DrillHarness();

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["set dr.promote True", "full update at 06:00:00"], harness.Calls);
        Assert.Equal(new ReplicaLagQuery("eu-central-1", "staging-db-replica", DrillHarness.Start.AddMinutes(-5), DrillHarness.Start), Assert.Single(harness.LagQueries));
        var (target, settings) = Assert.Single(harness.HealthCalls);
        Assert.Equal(new SmokeTarget("http://dr-alb.example.com/healthz", null), target);
        Assert.Equal(new SmokeCheckSettings("/healthz", 3, TimeSpan.FromMinutes(30)), settings);
        Assert.Equal(
            [DrillEventKind.Started, DrillEventKind.RpoMeasured, DrillEventKind.PromotionConfigured, DrillEventKind.UpdateStarted, DrillEventKind.Promoted, DrillEventKind.Healthy],
            harness.Events.Select(e => e.Kind));
        Assert.All(harness.Events, e => Assert.Equal("d20260301-060000", e.DrillId));
        Assert.Equal("450", harness.Events[^1].Data["rtoSeconds"]);

        var lines = DrillHarness.Lines(result);
        Assert.Equal("# DR drill d20260301-060000 on staging", lines[0]);
        Assert.Contains("- Outcome: **succeeded**", lines);
        Assert.Contains("- Stack: staging", lines);
        Assert.Contains("- Primary region: eu-west-1", lines);
        Assert.Contains("- DR region: eu-central-1", lines);
        Assert.Contains("- Started (UTC): 2026-03-01T06:00:00Z", lines);
        Assert.Contains("- Promotion update started (UTC): 2026-03-01T06:00:00Z", lines);
        Assert.Contains("- Promoted (UTC): 2026-03-01T06:06:00Z", lines);
        Assert.Contains("- Healthy (UTC): 2026-03-01T06:07:30Z", lines);
        Assert.Contains("- RTO: 7m 30s (promotion update start to healthy)", lines);
        Assert.Contains("- RPO: replica lag max 4.5 s over 2026-03-01T05:55:00Z to 2026-03-01T06:00:00Z (ReplicaLag, Maximum per 60 s, 5 data point(s))", lines);
        Assert.Contains("- Promotion: drPromoted is true in the release ledger infra-staging-releases; every later update, a plain `pulumi up` included, keeps the DR region promoted", lines);
        Assert.Contains("## Fail back (manual)", lines);
        Assert.Contains(lines, l => l.Contains("The drill does not fail back; do it by hand:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "4. Only then set the promotion back to false. No runner command does this yet: in the release ledger infra-staging-releases, item pk `staging`, sk `release`, change `\"drPromoted\":true` to `false` in the `desired` attribute and add 1 to `version` (no runner may be running), and make sure `infra:dr.promote` is not true in Pulumi.staging.yaml.");
    }

    [Fact]
    public async Task Without_lag_data_the_rpo_is_unknown_with_a_warning_and_the_drill_goes_on()
    {
        var harness = new DrillHarness { LagReading = null };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Contains("- RPO: unknown (no ReplicaLag data in the last 5 minutes)", DrillHarness.Lines(result));
        var warning = Assert.Single(harness.Events, e => e.Kind == DrillEventKind.RpoUnknown);
        Assert.Equal("RPO: unknown (no ReplicaLag data in the last 5 minutes)", warning.Message);
        Assert.Equal(["set dr.promote True", "full update at 06:00:00"], harness.Calls);
    }

    [Fact]
    public async Task A_dr_region_that_never_answers_healthy_fails_the_drill_with_the_rto_unmeasured()
    {
        var harness = new DrillHarness
        {
            HealthTakes = TimeSpan.FromMinutes(10),
            HealthResult = new SmokeCheckResult(false, "no 3 x 2xx in a row within 600s (120 request(s)); last answers: 503, 503"),
        };

        var result = await harness.RunAsync(new DrillOptions(HealthTimeout: TimeSpan.FromMinutes(10)));

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(TimeSpan.FromMinutes(10), harness.HealthCalls.Single().Settings.Timeout);
        Assert.Equal(
            "The DR region did not become healthy within 10m 0s after the promotion update: no 3 x 2xx in a row within 600s (120 request(s)); " +
            "last answers: 503, 503. The replica is promoted; check the DR services and the target health of the DR load balancer in eu-central-1",
            result.Message);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed**", lines);
        Assert.Contains("- Promoted (UTC): 2026-03-01T06:06:00Z", lines);
        Assert.Contains("- Healthy (UTC): not reached", lines);
        Assert.Contains("- RTO: not measured (the DR region was not seen healthy)", lines);
        Assert.Contains(result.Message, lines);
        Assert.Contains("## Fail back (manual)", lines);
        Assert.Equal(DrillEventKind.HealthTimedOut, harness.Events[^1].Kind);
    }

    [Fact]
    public async Task A_failed_update_says_promotion_may_be_partial_keeps_promote_true_and_names_the_next_command()
    {
        var harness = new DrillHarness { UpdateError = new InvalidOperationException("rds: InvalidDBInstanceState") };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "The promotion update failed (rds: InvalidDBInstanceState); promotion may be partial. The release ledger's promotion stays true. " +
            "Inspect with `pulumi preview --diff --stack staging`, then run `pulumi up --stack staging` to finish the promotion",
            result.Message);
        Assert.Equal(["set dr.promote True", "full update at 06:00:00"], harness.Calls);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed**", lines);
        Assert.Contains("- Promoted (UTC): not reached", lines);
        Assert.Contains("- Promotion: drPromoted is true in the release ledger infra-staging-releases; every later update, a plain `pulumi up` included, keeps the DR region promoted", lines);
        Assert.Contains(result.Message, lines);
        Assert.Contains("## Fail back (manual)", lines);
        Assert.Equal(DrillEventKind.UpdateFailed, harness.Events[^1].Kind);
    }

    [Fact]
    public async Task A_busy_stack_changes_nothing_and_sets_promote_back_to_false()
    {
        var harness = new DrillHarness { UpdateTakes = TimeSpan.Zero, UpdateError = new StackBusyException("update in progress") };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.StackBusy, result.Outcome);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal(["set dr.promote True", "full update at 06:00:00", "set dr.promote False"], harness.Calls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **not started (stack busy)**", lines);
        Assert.Contains("- Promotion: drPromoted was set to true, then back to false in the release ledger infra-staging-releases", lines);
        Assert.DoesNotContain("## Fail back (manual)", lines);
    }

    [Fact]
    public async Task A_failed_lag_read_stops_before_anything_is_changed()
    {
        var harness = new DrillHarness();
        harness.Lag.Setup(l => l.ReadMaxAsync(It.IsAny<ReplicaLagQuery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("AccessDenied: cloudwatch:GetMetricStatistics"));

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(
            "Reading ReplicaLag of staging-db-replica in eu-central-1 failed (AccessDenied: cloudwatch:GetMetricStatistics); nothing was changed",
            result.Message);
        Assert.Empty(harness.Calls);
        Assert.Contains("- Promotion: drPromoted unchanged (false) in the release ledger infra-staging-releases", DrillHarness.Lines(result));
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(450, "7m 30s")]
    [InlineData(7384, "2h 3m 4s")]
    public void Durations_read_as_hours_minutes_and_seconds(int seconds, string expected)
    {
        Assert.Equal(expected, DrillReport.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task Ctrl_c_after_dr_promote_was_set_but_before_the_update_sets_it_back_and_reports_the_interruption()
    {
        var harness = new DrillHarness();
        using var interrupt = new CancellationTokenSource();
        harness.Stack.Setup(s => s.SetPromoteAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((bool promote, CancellationToken _) =>
            {
                harness.Calls.Add($"set dr.promote {promote}");
                interrupt.Cancel();
            })
            .Returns(Task.CompletedTask);

        var result = await harness.RunAsync(cancellationToken: interrupt.Token);

        Assert.Equal(DrillOutcome.Interrupted, result.Outcome);
        Assert.Equal("Interrupted before the promotion update started; the release ledger's promotion is false again", result.Message);
        Assert.Equal(["set dr.promote True", "set dr.promote False"], harness.Calls);
        Assert.Equal(DrillEventKind.Interrupted, harness.Events[^1].Kind);
    }
}
