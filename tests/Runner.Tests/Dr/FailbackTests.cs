using System.Text.Json;
using Infra.Runner;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Runner.Tests.Dr;

public class FailbackTests
{
    private readonly DrWorld _world = DrWorld.FailedOver();

    private Task<DrResult> RunAsync() => new Failback(_world.Ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    [Fact]
    public async Task Fail_back_rebuilds_the_original_topology_under_the_same_identifiers_in_a_planned_switchover()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
        [
            "rename eu-west-1: production-db to production-db-retired-202606010300",
            "create eu-west-1: production-db from arn:aws:rds:eu-central-1:123456789012:db:production-db-replica key arn:aws:kms:eu-west-1:123456789012:key/p subnets production-db-subnets",
            "parameters eu-west-1: production-db production-db-params",
            "reboot eu-west-1: production-db",
            "record: SwitchingBack",
            "scale eu-central-1: production-dr-web-blue to 0 (autoscaling 0..0)",
            "promote eu-west-1: production-db",
            "record: NotPromoted",
            "scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)",
            "dns: hc-1 held unhealthy False",
            "mark: release False",
            "rename eu-central-1: production-db-replica to production-db-replica-retired-202606010300",
            "create eu-central-1: production-db-replica from arn:aws:rds:eu-west-1:123456789012:db:production-db key arn:aws:kms:eu-central-1:123456789012:key/d subnets production-dr-db-subnets",
            "parameters eu-central-1: production-db-replica production-dr-db-params",
            "reboot eu-central-1: production-db-replica",
            "start-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db key arn:aws:kms:eu-central-1:123456789012:key/d 14 days",
            "stop-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db-retired-202606010300",
        ], _world.Calls);
        Assert.Null(_world.Instances[(DrWorld.Primary, "production-db")].ReplicaOf);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        Assert.False(_world.Promoted);
        Assert.False(_world.ReleaseMarked);
        Assert.False(_world.PrimaryHeldUnhealthy);
        Assert.Equal((NotificationSeverity.Info, "Failback of production: production runs in eu-west-1 again, with a new replica in eu-central-1"), Assert.Single(_world.Pages));
    }

    [Fact]
    public async Task The_report_lists_the_retired_instances_and_no_state_steps_once_the_state_is_repaired()
    {
        var result = await RunAsync();

        var afterwards = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("afterwards").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(
            "The replaced instances are kept, renamed: production-db-retired-202606010300 in eu-west-1 and production-db-replica-retired-202606010300 in eu-central-1. " +
            "Delete them (with a final snapshot) once the data is checked.", afterwards[0]);
        Assert.DoesNotContain(afterwards, a => a.Contains("pulumi stack import", StringComparison.Ordinal));
        Assert.Equal(
            "Run `pulumi up`: an update while failed over made the SECONDARY DNS record ignore the DR load balancer's health, and until the next one " +
            "a failing primary probe would send clients to the pilot light.", afterwards[^1]);
        Assert.Contains("## What remains to do", result.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_that_is_not_failed_over_has_nothing_to_fail_back_with_its_own_exit_code()
    {
        var original = new DrWorld();
        _world.Promoted = false;
        _world.ReleaseMarked = false;
        _world.Instances[(DrWorld.Dr, "production-db-replica")] = original.Instances[(DrWorld.Dr, "production-db-replica")];

        var result = await RunAsync();

        Assert.Equal((DrOutcome.NothingToDo, ExitCodes.NothingToDo, 6), (result.Outcome, result.ExitCode, ExitCodes.NothingToDo));
        Assert.Equal("stack production is not failed over (the release ledger's dr item says not promoted) and no earlier fail-back is unfinished; nothing was changed", result.Message);
        Assert.Empty(_world.Calls);
        Assert.Equal("FailbackNothingToDo", _world.Events[^1].Kind);
        Assert.Empty(_world.Pages);
    }

    /// <summary>E.g. a failover that marked the release and stopped before promoting: nothing else to do, the mark is cleared.</summary>
    [Fact]
    public async Task A_stack_that_is_not_failed_over_but_still_marked_only_has_the_mark_cleared()
    {
        var original = new DrWorld();
        _world.Promoted = false;
        _world.Instances[(DrWorld.Dr, "production-db-replica")] = original.Instances[(DrWorld.Dr, "production-db-replica")];

        var result = await RunAsync();

        Assert.Equal((DrOutcome.Succeeded, "production's release documents no longer carry the promotion mark"), (result.Outcome, result.Message));
        Assert.Equal("stack production is not failed over (the release ledger's dr item says not promoted) but the release documents still carry the promotion mark",
            _world.Events.Single(e => e.Kind == "FailbackResumed").Message);
        Assert.Equal(["mark: release False"], _world.Calls);
        Assert.False(_world.ReleaseMarked);
    }

    /// <summary>A static parameter changed in the program's own group leaves the DR replica pending a reboot: no fail-back's to apply.</summary>
    [Fact]
    public async Task A_dr_replica_pending_a_reboot_of_the_programs_own_group_is_not_an_unfinished_fail_back()
    {
        var original = new DrWorld();
        (_world.Promoted, _world.ReleaseMarked) = (false, false);
        _world.Instances[(DrWorld.Dr, "production-db-replica")] = original.Instances[(DrWorld.Dr, "production-db-replica")] with { ParameterApplyStatus = "pending-reboot" };

        var result = await RunAsync();

        Assert.Equal(DrOutcome.NothingToDo, result.Outcome);
        Assert.Empty(_world.Calls);
    }

    [Fact]
    public async Task The_writes_never_stop_while_the_new_replica_replays_more_than_the_rpo_target_behind()
    {
        _world.ReplayBehind = _ => TimeSpan.FromSeconds(45);

        var result = await RunAsync();

        // Rounds of 30 s, 15 s apart, until one ends past the limit: the last sees what the round before it read.
        Assert.Equal(
            "Failback failed at step catch-up (production-db in eu-west-1 replaying within 30s what production-db-replica in eu-central-1 had written " +
            "did not happen within 3h 0m 0s; last seen: production-db-replica in eu-central-1 at 0/300F248; 30s later production-db in eu-west-1 " +
            "had replayed to 0/300F148 (256 bytes behind)); the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("scale eu-central-1", StringComparison.Ordinal));
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
    }

    /// <summary>Steps before the switchover, and after it: a failure there stops the fail-back and changes nothing back.</summary>
    public static TheoryData<string, string> FailingSteps => new()
    {
        { "retire-eu-west-1", "rename eu-west-1" },
        { "create-replica-eu-west-1", "create eu-west-1" },
        { "retire-eu-central-1", "rename eu-central-1" },
        { "create-replica-eu-central-1", "create eu-central-1" },
        { "parameter-group-eu-west-1", "parameters eu-west-1" },
        { "apply-parameter-group-eu-central-1", "reboot eu-central-1" },
    };

    [Theory]
    [MemberData(nameof(FailingSteps))]
    public async Task A_failing_step_stops_the_fail_back_and_the_report_names_it_and_each_regions_state(string step, string operation)
    {
        _world.Failing[operation] = new InvalidOperationException("the API refused");

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.Equal($"Failback failed at step {step} (the API refused); the report says what state each region is in", result.Message);
        var report = JsonDocument.Parse(result.JsonReport).RootElement;
        Assert.Equal(step, report.GetProperty("failedStep").GetString());
        Assert.Equal(2, report.GetProperty("regions").GetArrayLength());
        Assert.Equal(NotificationSeverity.Critical, Assert.Single(_world.Pages).Severity);
        Assert.Equal("FailbackFailed", _world.Events[^1].Kind);
    }

    [Fact]
    public async Task A_rerun_after_a_failure_keeps_the_replica_it_already_created()
    {
        _world.Failing["promote eu-west-1"] = new InvalidOperationException("the API refused");
        await RunAsync();
        _world.Failing.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Single(_world.Calls, c => c.StartsWith("create eu-west-1", StringComparison.Ordinal));
        Assert.Single(_world.Calls, c => c.StartsWith("rename eu-west-1", StringComparison.Ordinal));
    }

    /// <summary>
    /// Once the dr item says not promoted, older code reads the truth from the release documents: a mark that could not
    /// be cleared does not undo a finished switchover, and the next run clears it.
    /// </summary>
    [Fact]
    public async Task A_release_mark_that_cannot_be_cleared_leaves_the_switchover_done_and_the_next_run_clears_it()
    {
        _world.FailingOnce["mark"] = new InvalidOperationException("the ledger refused");

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.StartsWith("Failback failed at step clear-release-mark (", result.Message, StringComparison.Ordinal);
        Assert.Equal((PromotionState.NotPromoted, true), (_world.Promotion, _world.ReleaseMarked));
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        Assert.DoesNotContain("record: Promoted", _world.Calls);

        var next = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, next.Outcome);
        Assert.False(_world.ReleaseMarked);
    }

    /// <summary>Failover's fence did not reach the primary region, whose services came back with it and write to the old primary.</summary>
    [Fact]
    public async Task Primary_services_running_again_are_stopped_before_the_old_primary_is_renamed_aside()
    {
        _world.Services[(DrWorld.Primary, "production-web-blue")] = new(3, 3);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            ["scale eu-west-1: production-web-blue to 0 (autoscaling 0..0)", "rename eu-west-1: production-db to production-db-retired-202606010300"],
            _world.Calls.Take(2));
        Assert.Equal("stopped production-web-blue (was 3 running of 3 desired)",
            System.Text.Json.JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps")[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_standalone_primary_is_never_renamed_aside_while_the_dr_services_are_stopped()
    {
        _world.Services[(DrWorld.Dr, "production-dr-web-blue")] = new DrWorld.Counts(0, 0);
        _world.Instances[(DrWorld.Primary, "production-db")] = new DrWorld.Instance("available", DrWorld.Arn(DrWorld.Primary, "production-db"), null);

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step retire-eu-west-1 (the DR services are already stopped, so production-db in eu-west-1 may be the primary a previous fail-back promoted; " +
            "it is not renamed. Check it, then finish by hand (README, Disaster recovery, Fail-back)); the report says what state each region is in", result.Message);
        Assert.Empty(_world.Calls);
    }

    [Fact]
    public async Task Without_an_instance_to_copy_the_placement_from_it_comes_from_pulumis_record_of_the_instance_renamed_aside()
    {
        _world.Instances.Remove((DrWorld.Primary, "production-db"));

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        var placement = _world.Created[0].Placement;
        Assert.Equal(("arn:aws:kms:eu-west-1:123456789012:key/p", "production-db-subnets", "production-db-params"),
            (placement.KmsKeyId, placement.SubnetGroupName, placement.ParameterGroupName));
        Assert.Equal(["sg-p"], placement.SecurityGroupIds);
    }

    [Fact]
    public async Task Without_an_instance_or_a_record_to_copy_the_placement_from_no_replica_is_guessed()
    {
        _world.Instances.Remove((DrWorld.Primary, "production-db"));
        _world.State.Deployment = _world.State.Deployment.Replace("\"kmsKeyId\": \"arn:aws:kms:eu-west-1:123456789012:key/p\",", "", StringComparison.Ordinal);

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step create-replica-eu-west-1 (no instance production-db was found in eu-west-1 to take the KMS key, subnet group and security groups from, " +
            "nor in Pulumi's state; create the replica by hand (README, Disaster recovery, Fail-back) and run failback again); the report says what state each region is in", result.Message);
    }

    [Fact]
    public async Task A_database_lost_during_the_catch_up_is_looked_past_until_the_wait_times_out()
    {
        (_world.ReplayBehind, _world.SqlLostAt) = (_ => TimeSpan.FromMinutes(2), DrWorld.Start.AddHours(1));

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step catch-up (production-db in eu-west-1 replaying within 30s what production-db-replica in eu-central-1 had written " +
            "did not happen within 3h 0m 0s; last seen: could not read the WAL position of production-db-replica in eu-central-1 at " +
            "production-db-replica.abc.eu-central-1.rds.amazonaws.com:5432 within 5s: Connection refused; check that the runner reaches it); " +
            "the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("scale eu-central-1", StringComparison.Ordinal));
    }

    public const string Undone =
        "undone: writes are restored in eu-central-1 (its services run, the primary's are stopped, DNS and the ledger say failed over); " +
        "production-db in eu-west-1 is left as it is, and the next failback retires and replaces it";

    /// <summary>The switchover's steps, from recording the switch back to moving DNS back, and the operation that fails each.</summary>
    public static TheoryData<string, string> SwitchoverSteps => new()
    {
        { "record-switching-back", "record SwitchingBack" },
        { "scale-stop-writes", "scale eu-central-1" },
        { "promote-database-eu-west-1", "promote eu-west-1" },
        { "record-promotion", "record NotPromoted" },
        { "scale-primary-services", "scale eu-west-1" },
        { "switch-dns", "dns" },
    };

    [Theory]
    [MemberData(nameof(SwitchoverSteps))]
    public async Task A_failure_during_the_switchover_is_undone_and_the_stack_stays_failed_over_with_writes_in_the_dr_region(string step, string operation)
    {
        // A promote RDS refused; one that got no answer is first settled by watching RDS (FailoverTests).
        _world.FailingOnce[operation] = operation.StartsWith("promote", StringComparison.Ordinal)
            ? new PromotionRefusedException("the API refused")
            : new InvalidOperationException("the API refused");

        var result = await RunAsync();

        Assert.Equal($"Failback failed at step {step} (the API refused); {Undone}; the report says what state each region is in", result.Message);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(0, _world.Services[(DrWorld.Primary, "production-web-blue")].Desired);
        // Plain promoted again, recorded before the DR services scale up: switching back, a `pulumi up` would stop them.
        Assert.Equal(PromotionState.Promoted, _world.Promotion);
        Assert.True(_world.ReleaseMarked);
        var cleared = _world.Calls.IndexOf("record: Promoted");
        Assert.InRange(cleared, 0, _world.Calls.LastIndexOf("scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)") - 1);
        Assert.True(_world.PrimaryHeldUnhealthy);
        var report = JsonDocument.Parse(result.JsonReport).RootElement;
        Assert.Equal(step, report.GetProperty("failedStep").GetString());
        Assert.True(report.GetProperty("recovery").GetProperty("succeeded").GetBoolean());
        Assert.Equal(
            ["undo-mark-release", "undo-record-promotion", "undo-stop-primary-services", "undo-read-dr-routes", "scale-undo-restore-writes", "wait-undo-restore-writes", "undo-switch-dns"],
            report.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).SkipWhile(n => n != step).Skip(1));
        Assert.Equal(["FailbackRecoveryStarted", "FailbackRecoveryDone"], _world.Events.Select(e => e.Kind).Where(k => k.Contains("Recovery", StringComparison.Ordinal)));
        Assert.Contains($"Undone: {Undone}", result.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undo_that_fails_still_runs_its_other_steps_and_the_report_names_what_was_not_undone()
    {
        _world.Failing["dns"] = new InvalidOperationException("Route 53: Throttling");

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step switch-dns (Route 53: Throttling); undoing it failed at step undo-switch-dns (Route 53: Throttling); " +
            "the report says what state each region is in", result.Message);
        Assert.True(_world.Promoted);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.False(JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("recovery").GetProperty("succeeded").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(SwitchoverSteps))]
    public async Task A_rerun_after_an_undone_switchover_fails_back_from_the_start(string step, string operation)
    {
        _world.FailingOnce[operation] = new InvalidOperationException("the API refused");
        Assert.Equal(DrOutcome.Failed, (await RunAsync()).Outcome);
        Assert.Contains(step, _world.Events[^1].Data["failedStep"], StringComparison.Ordinal);

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Null(_world.Instances[(DrWorld.Primary, "production-db")].ReplicaOf);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.False(_world.Promoted);
        Assert.False(_world.ReleaseMarked);
        Assert.False(_world.PrimaryHeldUnhealthy);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
    }

    [Fact]
    public async Task The_ledger_says_failed_back_as_soon_as_traffic_moves_and_a_rerun_after_a_rebuild_failure_resumes_the_rebuild()
    {
        _world.FailingOnce["rename eu-central-1"] = new InvalidOperationException("the API refused");
        var first = await RunAsync();
        Assert.Equal("retire-eu-central-1", JsonDocument.Parse(first.JsonReport).RootElement.GetProperty("failedStep").GetString());
        Assert.False(_world.Promoted);
        Assert.False(_world.PrimaryHeldUnhealthy);
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal("production's DR replica is rebuilt: production-db-replica in eu-central-1 replicates production-db again", result.Message);
        Assert.StartsWith("the release ledger's dr item says not promoted but production-db-replica in eu-central-1 is ", _world.Events.Single(e => e.Kind == "FailbackResumed").Message, StringComparison.Ordinal);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal) || c.StartsWith("rename eu-west-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_after_the_dr_replica_was_created_but_not_yet_seen_available_finds_it_replicating_and_gives_it_its_parameter_group()
    {
        _world.Stuck.Add("production-db-replica");
        var first = await RunAsync();
        Assert.Equal("wait-replica-eu-central-1", JsonDocument.Parse(first.JsonReport).RootElement.GetProperty("failedStep").GetString());
        _world.Stuck.Clear();
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal("production's DR replica is rebuilt: production-db-replica in eu-central-1 replicates production-db again", result.Message);
        Assert.Equal(
            "the release ledger's dr item says not promoted but production-db-replica in eu-central-1 is available, read replica of production-db on parameter group default.postgres16 (in-sync): " +
            "a fail-back switched over and did not finish rebuilding the DR replica; resuming there", _world.Events.Single(e => e.Kind == "FailbackResumed").Message);
        Assert.Equal(
            [
                "scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)",
                "dns: hc-1 held unhealthy False",
                "parameters eu-central-1: production-db-replica production-dr-db-params",
                "reboot eu-central-1: production-db-replica",
                "start-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db key arn:aws:kms:eu-central-1:123456789012:key/d 14 days",
                "stop-backups eu-central-1: arn:aws:rds:eu-west-1:123456789012:db:production-db-retired-202606010300",
            ], _world.Calls);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
    }

    [Fact]
    public async Task A_rerun_never_resumes_over_a_dr_database_whose_services_run_again()
    {
        _world.Promoted = false;

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal(
            "the release ledger's dr item says not promoted but production-dr-web-blue in eu-central-1 runs tasks, so production-db-replica may be taking writes; it is not renamed. " +
            "Check which database takes writes, then run failback again (README, Disaster recovery, Fail-back); nothing was changed", result.Message);
        Assert.Empty(_world.Calls);
    }

    [Fact]
    public async Task New_replicas_get_the_stacks_class_multi_az_parameter_group_deletion_protection_and_backup_retention()
    {
        var settings = new ReplicaSettings("db.r6g.large", MultiAz: true, BackupRetentionDays: 14, DeletionProtection: true);

        var result = await new Failback(_world.Ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology with { Replica = settings });

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.All(_world.Created, request => Assert.Equal(settings, request.Settings));
        Assert.Equal(2, _world.Created.Count);
        Assert.Equal(["backups eu-west-1: production-db 14 days", "backups eu-central-1: production-db-replica 14 days"],
            _world.Calls.Where(c => c.StartsWith("backups", StringComparison.Ordinal)));
    }
}
