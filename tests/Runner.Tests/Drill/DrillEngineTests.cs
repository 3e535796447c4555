using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Dr;

namespace Runner.Tests.Drill;

/// <summary>The promotion drill under the virtual clock: markers beside failover (the core procedure, over <see cref="DrWorld"/>).</summary>
public class DrillEngineTests
{
    private const string DrillId = "d20260301-060000";

    [Fact]
    public async Task A_drill_writes_markers_until_failovers_promote_call_reads_the_newest_back_and_judges_rto_and_rpo()
    {
        var harness = new DrillHarness();

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        // One marker a second from the start through the warm-up minute, and on until the promote call at 06:01:00.
        var stoppedAt = DrillHarness.Start.AddMinutes(1);
        Assert.Equal(stoppedAt, harness.MarkersStoppedAt);
        Assert.Equal(Enumerable.Range(0, 60).Select(s => DrillHarness.Start.AddSeconds(s)), harness.Markers.Primary.Select(m => m.WrittenAt));
        // Failover ran as `failover --force` would, over the same ports: mark the release, fence, promote, record, scale, DNS, fence again.
        // Fencing the services before the promotion leaves the markers alone: the drill writes them to the primary itself.
        Assert.Equal(
            [
                "mark: release True", "scale eu-west-1: staging-web-blue to 0 (autoscaling 0..0)", "record: promoting db-STAGINGREPLICA", "promote eu-central-1: staging-db-replica", "record: Promoted", "scale eu-central-1: staging-dr-web-blue to 2 (autoscaling 2..2)",
                "dns: hc-1 held unhealthy True", "scale eu-west-1: staging-web-blue to 0 (autoscaling 0..0)",
            ],
            harness.World.Calls);
        Assert.Contains(harness.World.Events, e => e.Kind == "FailoverForced");
        Assert.Equal([$"{DrillHarness.ReplicaHost} {DrillId}"], harness.Markers.Reads);
        Assert.Equal(new ReplicaLagQuery("eu-central-1", "staging-db-replica", DrillHarness.Start.AddMinutes(-5), DrillHarness.Start), Assert.Single(harness.LagQueries));
        var (target, settings) = Assert.Single(harness.HealthCalls);
        Assert.Equal(new SmokeTarget("http://dr-alb.example.com/healthz", null), target);
        Assert.Equal(new SmokeCheckSettings("/healthz", 3, TimeSpan.FromMinutes(30)), settings);
        Assert.Equal(
            [
                DrillEventKind.Started, DrillEventKind.PhaseStarted, DrillEventKind.LagMeasured, DrillEventKind.PhaseStarted, DrillEventKind.MarkersWritten,
                DrillEventKind.PhaseStarted, DrillEventKind.FailoverStarted, DrillEventKind.MarkersStopped, DrillEventKind.FailedOver,
                DrillEventKind.PhaseStarted, DrillEventKind.MarkerRead, DrillEventKind.PhaseStarted, DrillEventKind.Healthy, DrillEventKind.Finished,
            ],
            harness.Events.Select(e => e.Kind));
        Assert.Equal("Marker writer stopped: 60 marker(s) written to the primary staging-db, the last (#60) at 2026-03-01T06:00:59Z",
            Assert.Single(harness.Events, e => e.Kind == DrillEventKind.MarkersStopped).Message);
        Assert.All(harness.Events, e => Assert.Equal(DrillId, e.DrillId));
        Assert.Equal("1", harness.Events[^1].Data["rpoSeconds"]);

        var lines = DrillHarness.Lines(result);
        Assert.Equal($"# DR drill {DrillId} on staging", lines[0]);
        Assert.Contains("- Outcome: **succeeded**", lines);
        Assert.Contains("- Failover started (UTC): 2026-03-01T06:01:00Z", lines);
        Assert.Contains("- Markers stopped (UTC): 2026-03-01T06:01:00Z", lines);
        Assert.Contains("- Failover: succeeded: staging now runs in eu-central-1: database staging-db-replica promoted, services running, DNS moved", lines);
        Assert.Contains("- RPO: 1s (last marker written to the primary #60 at 2026-03-01T06:00:59Z; newest in the promoted replica staging-db-replica #59 at 2026-03-01T06:00:58Z); target 1m 0s: **pass**", lines);
        Assert.Contains("Marker rows (drill id, sequence, time written) went to the primary once a second from 2026-03-01T06:00:00Z to 2026-03-01T06:00:59Z (60 rows); " +
            "the writer stopped at failover's promote call, so the last one is the last data the copy could hold. RPO is the time between the last marker written " +
            "to the primary and the newest one found in the promoted replica. RTO is the time from the drill's start to the DR region answering healthy.", lines);
        Assert.Contains("| markers | 2026-03-01T06:00:00Z | 2026-03-01T06:01:00Z | 1m 0s | passed |", lines);
        // Failover's own report, one heading level down, with its steps.
        Assert.Contains("## Failover of staging", lines);
        Assert.Contains("### Steps", lines);
        Assert.Contains(lines, l => l.StartsWith("- done `promote-database` (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- done `fence-primary-first` (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- done `fence-primary` (", StringComparison.Ordinal));
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer), the DR services run and the DR region answers healthy at http://dr-alb.example.com/healthz", lines);
        Assert.Contains("## Fail back", lines);

        var json = DrillHarness.Json(result);
        Assert.Equal("succeeded", (string)json["outcome"]!);
        Assert.Equal((1.0, 60.0, "pass"), ((double)json["rpo"]!["seconds"]!, (double)json["rpo"]!["targetSeconds"]!, (string)json["rpo"]!["verdict"]!));
        Assert.Equal((60L, 59L, 0L), ((long)json["rpo"]!["lastWritten"]!["sequence"]!, (long)json["rpo"]!["newestFound"]!["sequence"]!, (long)json["rpo"]!["markerWritesFailed"]!));
        Assert.Equal(["replicaLag", "markers", "promotion", "markerRead", "health"], json["phases"]!.AsArray().Select(p => (string)p!["phase"]!));
        Assert.Equal(("Failover", "Succeeded"), ((string)json["failover"]!["procedure"]!, (string)json["failover"]!["outcome"]!));
        Assert.Equal(["mark-release", "fence-primary-first", "promote-database"], json["failover"]!["steps"]!.AsArray().Take(3).Select(s => (string)s!["name"]!));
        Assert.True((bool)json["mayBePromoted"]!);

        Assert.Equal([result.ReportJson!], harness.LedgerReports);
        var (severity, message) = Assert.Single(harness.Notifications);
        Assert.Equal(NotificationSeverity.Info, severity);
        Assert.EndsWith("Fail back with `failback --stack staging --yes`.", message);
        // Failover pages as it would in an outage.
        Assert.Equal(NotificationSeverity.Critical, Assert.Single(harness.World.Pages).Severity);
    }

    [Fact]
    public async Task Writes_that_fail_while_the_primary_goes_away_are_counted_and_reported_and_the_drill_goes_on()
    {
        var harness = new DrillHarness();
        harness.Markers.RefuseFromWrite = 31;

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(30, harness.Markers.Primary.Count);
        Assert.Equal("Marker writer stopped: 30 marker(s) written to the primary staging-db (30 write(s) failed, the last: could not write a marker to primary staging-db " +
            $"at {DrillHarness.PrimaryHost}:5432 within 5s: Connection refused), the last (#30) at 2026-03-01T06:00:29Z",
            Assert.Single(harness.Events, e => e.Kind == DrillEventKind.MarkersStopped).Message);
        Assert.Equal(30L, (long)DrillHarness.Json(result)["rpo"]!["markerWritesFailed"]!);
        // The replica has every marker the primary took: nothing was lost.
        Assert.Contains("- RPO: 0s (last marker written to the primary #30 at 2026-03-01T06:00:29Z; newest in the promoted replica staging-db-replica #30 at 2026-03-01T06:00:29Z); target 1m 0s: **pass**",
            DrillHarness.Lines(result));
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
        Assert.Contains("- RPO: 44s (last marker written to the primary #60 at 2026-03-01T06:00:59Z; newest in the promoted replica staging-db-replica #16 at 2026-03-01T06:00:15Z); target 30s: **fail**", lines);
        Assert.Equal("fail", (string)DrillHarness.Json(result)["rpo"]!["verdict"]!);
    }

    [Fact]
    public async Task A_slow_dr_region_misses_the_rto_target()
    {
        var harness = new DrillHarness { HealthTakes = TimeSpan.FromMinutes(50) };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Contains(DrillHarness.Lines(result), l => l.StartsWith("- RTO: 51m ", StringComparison.Ordinal) && l.EndsWith("target 45m 0s: **fail**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_holding_no_marker_of_the_drill_fails_the_rpo_with_the_whole_run_as_the_least_loss()
    {
        var harness = new DrillHarness { ReplicaBehind = TimeSpan.FromMinutes(5) };

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Contains("- RPO: at least 59s: no marker of this drill in the promoted replica staging-db-replica (the last written to the primary was #60 at 2026-03-01T06:00:59Z); target 1m 0s: **fail**",
            DrillHarness.Lines(result));
        Assert.Null(DrillHarness.Json(result)["rpo"]!["newestFound"]);
    }

    [Fact]
    public async Task A_primary_that_takes_no_marker_in_the_window_fails_the_markers_phase_before_anything_changes()
    {
        var harness = new DrillHarness();
        harness.Markers.RefuseFromWrite = 1;

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"The primary staging-db took no marker row in 1m 0s (60 write(s) failed, the last: could not write a marker to primary staging-db at {DrillHarness.PrimaryHost}:5432 within 5s: " +
            "Connection refused); nothing was changed", result.Message);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase markers**", lines);
        Assert.Contains("- RPO: not measured (the drill ended before the markers were read back); target 1m 0s: **not measured**", lines);
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is still a read replica of the primary and the DR services are at zero tasks (nothing was changed)", lines);
        Assert.DoesNotContain("## Fail back", lines);
        Assert.Equal("markers", (string)DrillHarness.Json(result)["failedPhase"]!);
    }

    [Fact]
    public async Task A_failed_lag_read_stops_before_any_marker_or_change()
    {
        var harness = new DrillHarness();
        harness.Lag.Setup(l => l.ReadMaxAsync(It.IsAny<ReplicaLagQuery>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("AccessDenied: cloudwatch:GetMetricStatistics"));

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal("Reading ReplicaLag of staging-db-replica in eu-central-1 failed (AccessDenied: cloudwatch:GetMetricStatistics); nothing was changed", result.Message);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.Markers.Primary);
        Assert.Contains("- Outcome: **failed in phase replicaLag**", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_failover_step_that_fails_fails_the_promotion_phase_with_failovers_report_and_reads_no_marker()
    {
        var harness = new DrillHarness();
        harness.World.Failing["dns"] = new InvalidOperationException("Route53: Throttling");

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal(
            "Failover failed at step switch-dns (Route53: Throttling); the report says what state each region is in. " +
            "Finish it with `failover --stack staging --yes --force` (its steps are safe to re-run), or go back with `failback --stack staging --yes`",
            result.Message);
        Assert.Empty(harness.Markers.Reads);
        Assert.Empty(harness.HealthCalls);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase promotion**", lines);
        Assert.Contains("- **FAILED** `switch-dns` (0s): Route53: Throttling", lines);
        Assert.Contains("- not run `fence-primary`", lines);
        Assert.Contains("- DR region eu-central-1: failover did not finish: the replica staging-db-replica may be promoted and the DR services partly scaled up (failover's report below says what each region is in)", lines);
        Assert.Contains("## Fail back", lines);
        Assert.Equal("switch-dns", (string)DrillHarness.Json(result)["failover"]!["failedStep"]!);
        Assert.Equal(DrillEventKind.FailoverFailed, harness.Events[^2].Kind);
        Assert.Equal(NotificationSeverity.Critical, Assert.Single(harness.Notifications).Severity);
    }

    [Fact]
    public async Task A_failover_that_fails_before_its_promote_call_still_stops_the_writer()
    {
        var harness = new DrillHarness();
        harness.World.Failing["promote eu-central-1"] = new PromotionRefusedException("RDS refused to promote staging-db-replica (InvalidDBInstanceState: not available)");

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.StartsWith("Failover failed at step promote-database (RDS refused to promote staging-db-replica (InvalidDBInstanceState: not available))", result.Message);
        Assert.NotNull(harness.MarkersStoppedAt);
        Assert.Equal(60, harness.Markers.Primary.Count);
        // The drill leaves the primary serving: failover started its fenced services again.
        Assert.Equal(
            ["mark: release True", "scale eu-west-1: staging-web-blue to 0 (autoscaling 0..0)", "record: promoting db-STAGINGREPLICA", "scale eu-west-1: staging-web-blue to 2 (autoscaling 2..2)"],
            harness.World.Calls);
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
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer) and the DR services run, but the DR load balancer was not checked", lines);
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
            "The DR region did not become healthy within 10m 0s after failover: no 3 x 2xx in a row within 600s (120 request(s)); " +
            "last answers: 503, 503. The replica is promoted; check the DR services and the target health of the DR load balancer in eu-central-1",
            result.Message);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase health**", lines);
        Assert.Contains("- RTO: not measured (the DR region was not seen healthy); target 45m 0s: **not measured**", lines);
        Assert.Contains(lines, l => l.StartsWith("- RPO: 1s (", StringComparison.Ordinal) && l.EndsWith("**pass**", StringComparison.Ordinal));
        Assert.Contains("- DR region eu-central-1: the replica staging-db-replica is promoted (a standalone writer) and the DR services run, but the DR load balancer did not answer healthy", lines);
    }

    [Fact]
    public async Task Ctrl_c_while_markers_are_written_stops_the_writer_before_failover()
    {
        var harness = new DrillHarness();
        var interrupt = harness.InterruptWhen(e => e.Message.StartsWith("markers:", StringComparison.Ordinal));

        var result = await harness.RunAsync(cancellationToken: interrupt);

        Assert.Equal(DrillOutcome.Interrupted, result.Outcome);
        Assert.Equal("Interrupted during phase markers before failover started; nothing was changed", result.Message);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.Markers.Primary);
        Assert.Contains("| markers | 2026-03-01T06:00:00Z | 2026-03-01T06:00:00Z | 0s | **failed** |", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task Ctrl_c_during_failover_ends_the_drill_as_interrupted_with_failovers_report()
    {
        var harness = new DrillHarness();
        var interrupt = harness.InterruptWhen(e => e.Kind == DrillEventKind.MarkersStopped);

        var result = await harness.RunAsync(cancellationToken: interrupt);

        Assert.Equal(DrillOutcome.Interrupted, result.Outcome);
        Assert.StartsWith("Interrupted during phase promotion after failover started: Failover failed at step ", result.Message);
        Assert.Contains("- Outcome: **interrupted in phase promotion**", DrillHarness.Lines(result));
        Assert.Contains("## Failover of staging", DrillHarness.Lines(result));
        Assert.True((bool)DrillHarness.Json(result)["mayBePromoted"]!);
    }

    [Fact]
    public async Task The_report_files_are_written_before_the_report_is_paged_or_recorded_so_a_drill_stopped_while_publishing_leaves_them()
    {
        var harness = new DrillHarness();

        var result = await harness.RunAsync();

        Assert.Equal([(result.Report!, result.ReportJson!)], harness.ReportFiles);
        Assert.Equal(["files", "pager", "ledger"], harness.Deliveries);
    }

    [Fact]
    public async Task Report_files_that_cannot_be_written_are_journaled_and_the_report_is_still_paged_and_recorded()
    {
        var harness = new DrillHarness();
        harness.Files.Setup(f => f.WriteAsync(It.IsAny<string>(), It.IsAny<string>())).ThrowsAsync(new IOException("No space left on device"));

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        Assert.Equal(["The report files could not be written: No space left on device"],
            harness.Events.Where(e => e.Kind == DrillEventKind.ReportNotSent).Select(e => e.Message));
        Assert.Equal(["pager", "ledger"], harness.Deliveries);
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
            ["The report could not be sent to the pager: the Slack webhook answered 500", "The report could not be sent to the release ledger: ResourceNotFoundException"],
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
