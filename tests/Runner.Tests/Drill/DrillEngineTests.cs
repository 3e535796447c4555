using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;

namespace Runner.Tests.Drill;

public class DrillEngineTests
{
    [Fact]
    public async Task A_drill_writes_markers_promotes_reads_the_newest_marker_back_and_judges_rto_and_rpo_under_the_clock()
    {
        var harness = new DrillHarness();

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        // The writer stopped before the promotion started: 60 markers, one a second, the last at 06:00:59.
        Assert.Equal(60, harness.Markers.Primary.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(s => DrillHarness.Start.AddSeconds(s)), harness.Markers.Primary.Select(m => m.WrittenAt));
        Assert.Equal(["set dr.promote True", "full update at 06:00:59"], harness.Calls);
        Assert.Equal([$"{DrillHarness.ReplicaHost} d20260301-060000"], harness.Markers.Reads);
        Assert.Equal(new ReplicaLagQuery("eu-central-1", "staging-db-replica", DrillHarness.Start.AddMinutes(-5), DrillHarness.Start), Assert.Single(harness.LagQueries));
        var (target, settings) = Assert.Single(harness.HealthCalls);
        Assert.Equal(new SmokeTarget("http://dr-alb.example.com/healthz", null), target);
        Assert.Equal(new SmokeCheckSettings("/healthz", 3, TimeSpan.FromMinutes(30)), settings);
        Assert.Equal(
            [
                DrillEventKind.Started, DrillEventKind.PhaseStarted, DrillEventKind.LagMeasured, DrillEventKind.PhaseStarted, DrillEventKind.MarkersWritten,
                DrillEventKind.PhaseStarted, DrillEventKind.PromotionConfigured, DrillEventKind.UpdateStarted, DrillEventKind.Promoted,
                DrillEventKind.PhaseStarted, DrillEventKind.MarkerRead, DrillEventKind.PhaseStarted, DrillEventKind.Healthy, DrillEventKind.Finished,
            ],
            harness.Events.Select(e => e.Kind));
        Assert.All(harness.Events, e => Assert.Equal("d20260301-060000", e.DrillId));
        Assert.Equal("509", harness.Events[^1].Data["rtoSeconds"]);
        Assert.Equal("2", harness.Events[^1].Data["rpoSeconds"]);

        var lines = DrillHarness.Lines(result);
        Assert.Equal("# DR drill d20260301-060000 on staging", lines[0]);
        Assert.Contains("- Outcome: **succeeded**", lines);
        Assert.Contains("- Primary region: eu-west-1", lines);
        Assert.Contains("- DR region: eu-central-1", lines);
        Assert.Contains("- Started (UTC): 2026-03-01T06:00:00Z", lines);
        Assert.Contains("- Promotion update started (UTC): 2026-03-01T06:00:59Z", lines);
        Assert.Contains("- Promoted (UTC): 2026-03-01T06:06:59Z", lines);
        Assert.Contains("- Healthy (UTC): 2026-03-01T06:08:29Z", lines);
        Assert.Contains("- RTO: 8m 29s (drill start to the DR region healthy); target 45m 0s: **pass**", lines);
        Assert.Contains("- RPO: 2s (last marker written to the primary #60 at 2026-03-01T06:00:59Z; newest in the promoted replica staging-db-replica #58 at 2026-03-01T06:00:57Z); target 1m 0s: **pass**", lines);
        Assert.Contains("- Replica lag before the drill: max 4.5 s over 2026-03-01T05:55:00Z to 2026-03-01T06:00:00Z (ReplicaLag, Maximum per 60 s, 5 data point(s))", lines);
        Assert.Contains("- Promotion: drPromoted is true in the release ledger infra-staging-releases; every later update, a plain `pulumi up` included, keeps the DR region promoted", lines);
        Assert.Contains("Marker rows (drill id, sequence, time written) went to the primary once a second from 2026-03-01T06:00:00Z to 2026-03-01T06:00:59Z (60 rows); " +
            "the writer stopped when the promotion started, so nothing was written to the primary after the last one. RPO is the time between the last marker written " +
            "to the primary and the newest one found in the promoted replica. RTO is the time from the drill's start to the DR region answering healthy.", lines);
        Assert.Contains("| replicaLag | 2026-03-01T06:00:00Z | 2026-03-01T06:00:00Z | 0s | passed |", lines);
        Assert.Contains("| markers | 2026-03-01T06:00:00Z | 2026-03-01T06:00:59Z | 59s | passed |", lines);
        Assert.Contains("| promotion | 2026-03-01T06:00:59Z | 2026-03-01T06:06:59Z | 6m 0s | passed |", lines);
        Assert.Contains("| markerRead | 2026-03-01T06:06:59Z | 2026-03-01T06:06:59Z | 0s | passed |", lines);
        Assert.Contains("| health | 2026-03-01T06:06:59Z | 2026-03-01T06:08:29Z | 1m 30s | passed |", lines);
        Assert.Contains("- Primary region eu-west-1: the primary staging-db is unchanged and still the writer; it holds 60 marker row(s) of this drill, the last (#60) " +
            "written at 2026-03-01T06:00:59Z; the promoted replica no longer follows it, so writes to it after the promotion are not in the DR region", lines);
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer) and the DR region answers healthy at http://dr-alb.example.com/healthz", lines);
        Assert.Contains("## Fail back", lines);
        Assert.Contains(lines, l => l.StartsWith("Run `failback --stack staging --yes` (dr-drill.yml runs it right after the drill)", StringComparison.Ordinal));

        var json = DrillHarness.Json(result);
        Assert.Equal("succeeded", (string)json["outcome"]!);
        Assert.Null(json["failedPhase"]);
        Assert.Equal((509.0, 2700.0, "pass"), ((double)json["rto"]!["seconds"]!, (double)json["rto"]!["targetSeconds"]!, (string)json["rto"]!["verdict"]!));
        Assert.Equal((2.0, 60.0, "pass"), ((double)json["rpo"]!["seconds"]!, (double)json["rpo"]!["targetSeconds"]!, (string)json["rpo"]!["verdict"]!));
        Assert.Equal((60L, 58L), ((long)json["rpo"]!["lastWritten"]!["sequence"]!, (long)json["rpo"]!["newestFound"]!["sequence"]!));
        Assert.Equal(["replicaLag", "markers", "promotion", "markerRead", "health"], json["phases"]!.AsArray().Select(p => (string)p!["phase"]!));
        Assert.True((bool)json["mayBePromoted"]!);

        Assert.Equal([result.ReportJson!], harness.LedgerReports);
        var (severity, message) = Assert.Single(harness.Notifications);
        Assert.Equal(NotificationSeverity.Info, severity);
        Assert.StartsWith("DR drill d20260301-060000 on staging: succeeded. RTO 8m 29s (drill start to the DR region healthy), target 45m 0s: pass. RPO 2s (", message);
        Assert.EndsWith("Fail back with `failback --stack staging --yes`.", message);
    }

    [Fact]
    public async Task Without_lag_data_the_lag_is_unknown_with_a_warning_and_the_drill_goes_on()
    {
        var harness = new DrillHarness { LagReading = null };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Contains("- Replica lag before the drill: unknown (no ReplicaLag data in the last 5 minutes)", DrillHarness.Lines(result));
        var warning = Assert.Single(harness.Events, e => e.Kind == DrillEventKind.LagUnknown);
        Assert.Equal("Replica lag: unknown (no ReplicaLag data in the last 5 minutes)", warning.Message);
    }

    [Fact]
    public async Task A_replica_further_behind_than_the_rpo_target_misses_it_and_exits_1()
    {
        var harness = new DrillHarness { ReplicaBehind = TimeSpan.FromSeconds(45) };
        harness.State = harness.State with { Targets = harness.State.Targets with { Rpo = TimeSpan.FromSeconds(30) } };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **targets missed**", lines);
        Assert.Contains("- RTO: 8m 29s (drill start to the DR region healthy); target 45m 0s: **pass**", lines);
        Assert.Contains("- RPO: 45s (last marker written to the primary #60 at 2026-03-01T06:00:59Z; newest in the promoted replica staging-db-replica #15 at 2026-03-01T06:00:14Z); target 30s: **fail**", lines);
        Assert.Equal("fail", (string)DrillHarness.Json(result)["rpo"]!["verdict"]!);
    }

    [Fact]
    public async Task A_slow_promotion_misses_the_rto_target()
    {
        var harness = new DrillHarness { UpdateTakes = TimeSpan.FromMinutes(50) };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Contains("- RTO: 52m 29s (drill start to the DR region healthy); target 45m 0s: **fail**", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_replica_holding_no_marker_of_the_drill_fails_the_rpo_with_the_whole_window_as_the_least_loss()
    {
        var harness = new DrillHarness { ReplicaBehind = TimeSpan.FromMinutes(5) };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Contains("- RPO: at least 59s: no marker of this drill in the promoted replica staging-db-replica (the last written to the primary was #60 at 2026-03-01T06:00:59Z); target 1m 0s: **fail**",
            DrillHarness.Lines(result));
        Assert.Null(DrillHarness.Json(result)["rpo"]!["newestFound"]);
    }

    [Fact]
    public async Task A_primary_that_refuses_the_first_marker_fails_the_markers_phase_before_anything_changes()
    {
        var harness = new DrillHarness();
        harness.Markers.RefuseFromWrite = 1;

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Writing marker rows to the primary staging-db failed after 0 marker(s): could not write a marker to primary staging-db at {DrillHarness.PrimaryHost}:5432 within 5s: " +
            "Connection refused; nothing was changed", result.Message);
        Assert.Empty(harness.Calls);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase markers**", lines);
        Assert.Contains("| markers | 2026-03-01T06:00:00Z | 2026-03-01T06:00:00Z | 0s | **failed** |", lines);
        Assert.Contains("- RPO: not measured (the drill ended before the markers were read back); target 1m 0s: **not measured**", lines);
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is still a read replica of the primary and the DR services are at zero tasks (nothing was changed)", lines);
        Assert.DoesNotContain("## Fail back", lines);
        Assert.Equal("markers", (string)DrillHarness.Json(result)["failedPhase"]!);
    }

    [Fact]
    public async Task A_primary_that_stops_taking_markers_mid_window_fails_with_how_many_it_took()
    {
        var harness = new DrillHarness();
        harness.Markers.RefuseFromWrite = 10;

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.StartsWith("Writing marker rows to the primary staging-db failed after 9 marker(s): ", result.Message);
        Assert.Empty(harness.Calls);
        Assert.Contains("- Primary region eu-west-1: the primary staging-db is unchanged and still the writer; it holds 9 marker row(s) of this drill, the last (#9) written at 2026-03-01T06:00:08Z",
            DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_failed_lag_read_stops_before_any_marker_or_change()
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
        Assert.Empty(harness.Markers.Primary);
        Assert.Contains("- Outcome: **failed in phase replicaLag**", DrillHarness.Lines(result));
        Assert.Contains("- Promotion: drPromoted unchanged (false) in the release ledger infra-staging-releases", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_ledger_that_refuses_the_promotion_fails_the_promotion_phase_with_nothing_changed()
    {
        var harness = new DrillHarness();
        harness.Stack.Setup(s => s.SetPromoteAsync(true, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("ConditionalCheckFailedException"));

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal("Recording the promotion in the release ledger failed (ConditionalCheckFailedException); nothing was changed", result.Message);
        Assert.Empty(harness.Calls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase promotion**", lines);
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is still a read replica of the primary and the DR services are at zero tasks (nothing was changed)", lines);
    }

    [Fact]
    public async Task A_failed_update_says_promotion_may_be_partial_and_reads_no_marker()
    {
        var harness = new DrillHarness { UpdateError = new InvalidOperationException("rds: InvalidDBInstanceState") };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(
            "The promotion update failed (rds: InvalidDBInstanceState); promotion may be partial. The release ledger's promotion stays true. " +
            "Inspect with `pulumi preview --diff --stack staging`, then run `pulumi up --stack staging` to finish the promotion",
            result.Message);
        Assert.Equal(["set dr.promote True", "full update at 06:00:59"], harness.Calls);
        Assert.Empty(harness.Markers.Reads);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase promotion**", lines);
        Assert.Contains("- Promoted (UTC): not reached", lines);
        Assert.Contains("- DR region eu-central-1: the promotion update did not finish: the replica staging-db-replica may be promoted and the DR services partly scaled up; " +
            "the release ledger's drPromoted is true", lines);
        Assert.Contains("## Fail back", lines);
        Assert.Equal(DrillEventKind.UpdateFailed, harness.Events[^2].Kind);
        Assert.Equal(NotificationSeverity.Critical, Assert.Single(harness.Notifications).Severity);
    }

    [Fact]
    public async Task An_unreachable_promoted_replica_fails_the_marker_read_and_leaves_health_unchecked()
    {
        var harness = new DrillHarness();
        harness.State = harness.State with { ReplicaEndpoint = "elsewhere.example.com:5432" };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal("Reading the newest marker from the promoted replica staging-db-replica failed: could not read the newest marker from promoted replica staging-db-replica " +
            "at elsewhere.example.com:5432 within 5s: Connection refused", result.Message);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase markerRead**", lines);
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer) and the DR services were scaled up, but the DR load balancer was not checked", lines);
    }

    [Fact]
    public async Task A_dr_region_that_never_answers_healthy_fails_the_health_phase_with_the_rpo_measured()
    {
        var harness = new DrillHarness
        {
            HealthTakes = TimeSpan.FromMinutes(10),
            HealthResult = new SmokeCheckResult(false, "no 3 x 2xx in a row within 600s (120 request(s)); last answers: 503, 503"),
        };

        var result = await harness.RunAsync(new DrillOptions(HealthTimeout: TimeSpan.FromMinutes(10)));

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(
            "The DR region did not become healthy within 10m 0s after the promotion update: no 3 x 2xx in a row within 600s (120 request(s)); " +
            "last answers: 503, 503. The replica is promoted; check the DR services and the target health of the DR load balancer in eu-central-1",
            result.Message);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase health**", lines);
        Assert.Contains("- Healthy (UTC): not reached", lines);
        Assert.Contains("- RTO: not measured (the DR region was not seen healthy); target 45m 0s: **not measured**", lines);
        Assert.Contains(lines, l => l.StartsWith("- RPO: 2s (", StringComparison.Ordinal) && l.EndsWith("**pass**", StringComparison.Ordinal));
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer) and the DR services were scaled up, but the DR load balancer did not answer healthy", lines);
        Assert.Contains("| health | 2026-03-01T06:06:59Z | 2026-03-01T06:16:59Z | 10m 0s | **failed** |", lines);
    }

    [Fact]
    public async Task A_busy_stack_changes_nothing_and_sets_promote_back_to_false()
    {
        var harness = new DrillHarness { UpdateTakes = TimeSpan.Zero, UpdateError = new StackBusyException("update in progress") };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.StackBusy, result.Outcome);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal(["set dr.promote True", "full update at 06:00:59", "set dr.promote False"], harness.Calls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **not started (stack busy)**", lines);
        Assert.Contains("- Promotion: drPromoted was set to true, then back to false in the release ledger infra-staging-releases", lines);
        Assert.DoesNotContain("## Fail back", lines);
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
        Assert.Equal("Interrupted during phase promotion before the promotion update started; the release ledger's promotion is false again", result.Message);
        Assert.Equal(["set dr.promote True", "set dr.promote False"], harness.Calls);
        Assert.Equal(DrillEventKind.Interrupted, harness.Events[^2].Kind);
        Assert.Contains("- Outcome: **interrupted in phase promotion**", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task Ctrl_c_while_markers_are_written_stops_before_the_promotion()
    {
        var harness = new DrillHarness();
        var interrupt = harness.InterruptWhen(e => e.Message.StartsWith("markers:", StringComparison.Ordinal));

        var result = await harness.RunAsync(cancellationToken: interrupt);

        Assert.Equal(DrillOutcome.Interrupted, result.Outcome);
        Assert.Equal("Interrupted during phase markers before the promotion update started; nothing was changed", result.Message);
        Assert.Empty(harness.Calls);
        Assert.Contains("| markers | 2026-03-01T06:00:00Z | 2026-03-01T06:00:00Z | 0s | **failed** |", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_report_that_cannot_reach_slack_or_the_ledger_is_journaled_as_a_warning_and_the_drill_result_stands()
    {
        var harness = new DrillHarness();
        harness.Notifier.Setup(n => n.NotifyAsync(It.IsAny<NotificationSeverity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("the Slack webhook answered 500"));
        harness.Reports.Setup(r => r.RecordAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("ResourceNotFoundException"));

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            ["The report could not be sent to Slack: the Slack webhook answered 500", "The report could not be sent to the release ledger: ResourceNotFoundException"],
            harness.Events.Where(e => e.Kind == DrillEventKind.ReportNotSent).Select(e => e.Message));
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(450, "7m 30s")]
    [InlineData(7384, "2h 3m 4s")]
    public void Durations_read_as_hours_minutes_and_seconds(int seconds, string expected)
    {
        Assert.Equal(expected, DrillReport.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
