using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Runner.Tests.Drill;

/// <summary>The restore drill under the fake clock, against fakes of RDS's point-in-time restore and the marker databases.</summary>
public class RestoreDrillTests
{
    private const string Instance = "staging-db-d20260301-060000";

    private static readonly DrillOptions Restore = new(Restore: true);

    [Fact]
    public async Task A_restore_drill_restores_to_the_moment_it_chose_when_it_stopped_the_writer_reads_the_markers_and_deletes_the_instance()
    {
        var harness = new DrillHarness();

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Succeeded, result.Outcome);
        // The restore time is the clock when the warm-up minute ended, not the last marker; the writer stopped then.
        Assert.Equal(DrillHarness.Start.AddMinutes(1), harness.MarkersStoppedAt);
        Assert.Equal(60, harness.Markers.Primary.Count);
        // RDS restores only up to five minutes back: the restore waits, then asks for the chosen time.
        Assert.Equal([$"restore staging-db as of 06:01:00 into {Instance} (source's class) at 06:06:00", $"delete {Instance} at 06:07:00"], harness.Restore.Calls);
        Assert.Empty(harness.Restore.Existing);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.LagQueries);
        Assert.Equal([$"{FakePointInTimeRestore.Address(Instance)} d20260301-060000"], harness.Markers.Reads);
        Assert.Equal(["staging-db-d20260301-060000: creating", "staging-db-d20260301-060000: backing-up"],
            harness.Events.Where(e => e.Kind == DrillEventKind.RestoreStatus).Select(e => e.Message));

        var lines = DrillHarness.Lines(result);
        Assert.Equal("# DR restore drill d20260301-060000 on staging", lines[0]);
        Assert.Contains("- Outcome: **succeeded**", lines);
        Assert.Contains($"- Restored instance: {Instance}, as of (UTC) 2026-03-01T06:01:00Z", lines);
        Assert.Contains("- Markers stopped (UTC): 2026-03-01T06:01:00Z", lines);
        Assert.Contains("- Restored (UTC): 2026-03-01T06:07:00Z", lines);
        Assert.Contains("- RTO: 7m 0s (drill start to the restored instance available); target 45m 0s: **pass**", lines);
        Assert.Contains($"- RPO: 0s (last marker written to the primary #60 at 2026-03-01T06:00:59Z; newest in the restored instance {Instance} #60 at 2026-03-01T06:00:59Z); target 1m 0s: **pass**", lines);
        Assert.Contains("| restore | 2026-03-01T06:01:00Z | 2026-03-01T06:07:00Z | 6m 0s | passed |", lines);
        Assert.Contains("| cleanup | 2026-03-01T06:07:00Z | 2026-03-01T06:07:00Z | 0s | passed |", lines);
        Assert.Contains($"- Primary region eu-west-1: the primary staging-db is unchanged and still the writer; it holds 60 marker row(s) of this drill, the last (#60) " +
            $"written at 2026-03-01T06:00:59Z. The restored instance {Instance} was deleted", lines);
        Assert.Contains("- DR region eu-central-1: not touched by a restore drill", lines);
        Assert.DoesNotContain("## Fail back", lines);
        var json = DrillHarness.Json(result);
        Assert.Equal("restore", (string)json["kind"]!);
        Assert.Equal((Instance, "deleted"), ((string)json["restore"]!["instanceId"]!, (string)json["restore"]!["cleanup"]!));
        Assert.Equal(["markers", "restore", "markerRead", "cleanup"], json["phases"]!.AsArray().Select(p => (string)p!["phase"]!));
    }

    [Fact]
    public async Task A_rejected_restore_fails_the_restore_phase_and_still_deletes_whatever_was_created()
    {
        var harness = new DrillHarness();
        harness.Restore.StartError = new InvalidOperationException("StorageQuotaExceeded");

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal($"Starting the point-in-time restore of staging-db into {Instance} failed: StorageQuotaExceeded. The restored instance {Instance} was deleted", result.Message);
        Assert.Equal($"delete {Instance} at 06:06:00", harness.Restore.Calls[^1]);
        Assert.Contains("- Outcome: **failed in phase restore**", DrillHarness.Lines(result));
        Assert.Contains("- RTO: not measured (the restored instance was not seen available); target 45m 0s: **not measured**", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_restore_that_ends_in_a_failed_status_fails_at_once_and_is_deleted()
    {
        var harness = new DrillHarness();
        harness.Restore.Statuses = ["creating", "incompatible-restore"];

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal($"The restore of {Instance} ended in status incompatible-restore; it will not become available. The restored instance {Instance} was deleted", result.Message);
        Assert.Empty(harness.Restore.Existing);
    }

    [Fact]
    public async Task A_restore_never_available_times_out_after_90_minutes_and_is_deleted()
    {
        var harness = new DrillHarness();
        harness.Restore.Statuses = ["creating"];

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Equal($"{Instance} becoming available did not happen within 1h 30m 0s; last seen: creating. The restored instance {Instance} was deleted", result.Message);
        Assert.Contains("| restore | 2026-03-01T06:01:00Z | 2026-03-01T07:36:00Z | 1h 35m 0s | **failed** |", DrillHarness.Lines(result));
        Assert.Empty(harness.Restore.Existing);
    }

    [Fact]
    public async Task The_restore_test_settings_choose_the_time_and_the_instance_class_and_an_older_time_loses_every_marker()
    {
        var harness = new DrillHarness();
        harness.State = harness.State with { RestoreTest = new DrillRestoreTest(DrillHarness.Start.AddHours(-1), "db.t4g.small") };

        var result = await harness.RunAsync(Restore);

        // A fixed time already restorable: no wait; the writer still stops when the time is chosen.
        Assert.Equal($"restore staging-db as of 05:00:00 into {Instance} (db.t4g.small) at 06:01:00", harness.Restore.Calls[0]);
        Assert.Equal(DrillOutcome.TargetsMissed, result.Outcome);
        Assert.Contains($"- RPO: at least 59s: no marker of this drill in the restored instance {Instance} (the last written to the primary was #60 at 2026-03-01T06:00:59Z); target 1m 0s: **fail**",
            DrillHarness.Lines(result));
    }

    [Fact]
    public async Task A_primary_refusing_markers_fails_before_any_restore()
    {
        var harness = new DrillHarness();
        harness.Markers.RefuseFromWrite = 1;

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        Assert.Empty(harness.Restore.Calls);
        Assert.Contains("- Outcome: **failed in phase markers**", DrillHarness.Lines(result));
        Assert.Contains("- Restored instance: not reached, as of (UTC) not reached", DrillHarness.Lines(result));
    }

    [Fact]
    public async Task An_instance_that_cannot_be_deleted_fails_the_cleanup_phase_and_says_how_to_delete_it()
    {
        var harness = new DrillHarness();
        harness.Restore.DeleteError = new InvalidOperationException("InvalidDBInstanceState: backing-up");

        var result = await harness.RunAsync(Restore);

        Assert.Equal(DrillOutcome.Failed, result.Outcome);
        var cleanup = $"Deleting the restored instance {Instance} failed (InvalidDBInstanceState: backing-up); it still costs money: delete it with " +
            $"`aws rds delete-db-instance --region eu-west-1 --db-instance-identifier {Instance} --skip-final-snapshot --delete-automated-backups`";
        Assert.EndsWith(cleanup, result.Message);
        var lines = DrillHarness.Lines(result);
        Assert.Contains("- Outcome: **failed in phase cleanup**", lines);
        Assert.Contains(lines, l => l.StartsWith("- Primary region eu-west-1: ", StringComparison.Ordinal) && l.EndsWith(cleanup, StringComparison.Ordinal));
        Assert.Equal(("deletionFailed", "cleanup"), ((string)DrillHarness.Json(result)["restore"]!["cleanup"]!, (string)DrillHarness.Json(result)["failedPhase"]!));
    }

    [Fact]
    public async Task Ctrl_c_while_the_instance_is_created_still_deletes_it()
    {
        var harness = new DrillHarness();
        var interrupt = harness.InterruptWhen(e => e.Kind == DrillEventKind.RestoreStatus);

        var result = await harness.RunAsync(Restore, interrupt);

        Assert.Equal(DrillOutcome.Interrupted, result.Outcome);
        Assert.Equal($"Interrupted during phase restore. The restored instance {Instance} was deleted", result.Message);
        Assert.Empty(harness.Restore.Existing);
        Assert.Contains("- Outcome: **interrupted in phase restore**", DrillHarness.Lines(result));
    }

    [Fact]
    public void The_restored_instance_is_named_after_the_primary_and_the_drill_within_rds_limits()
    {
        Assert.Equal(Instance, RestoreDrill.TargetIdentifier("staging-db", "d20260301-060000"));
        var name = RestoreDrill.TargetIdentifier(new string('p', 60), "d20260301-060000");
        Assert.Equal(63, name.Length);
        Assert.EndsWith("p-d20260301-060000", name);
    }
}
