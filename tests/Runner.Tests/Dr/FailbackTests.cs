using System.Text.Json;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Runner.Tests.Dr;

public class FailbackTests
{
    private readonly DrWorld _world = new();

    /// <summary>The world after a failover whose primary region came back: its old primary is standalone and stale.</summary>
    public FailbackTests()
    {
        _world.Promoted = true;
        _world.Instances[(DrWorld.Dr, "production-db-replica")] = new DrWorld.Instance("available", DrWorld.Arn(DrWorld.Dr, "production-db-replica"), null);
        _world.Services[(DrWorld.Dr, "production-dr-web-blue")] = new DrWorld.Counts(3, 3);
        _world.Services[(DrWorld.Primary, "production-web-blue")] = new DrWorld.Counts(0, 0);
    }

    private Task<DrResult> RunAsync() => new Failback(_world.Ports, new DrOptions(RpoTargetSeconds: 30)).RunAsync(DrWorld.Topology);

    [Fact]
    public async Task Fail_back_rebuilds_the_original_topology_under_the_same_identifiers_in_a_planned_switchover()
    {
        var result = await RunAsync();

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
        [
            "rename eu-west-1: production-db to production-db-retired-202606010300",
            "create eu-west-1: production-db from arn:aws:rds:eu-central-1:123456789012:db:production-db-replica key arn:aws:kms:eu-west-1:123456789012:key/p subnets production-db-subnets",
            "scale eu-central-1: production-dr-web-blue to 0 (autoscaling 0..0)",
            "promote eu-west-1: production-db",
            "scale eu-west-1: production-web-blue to 3 (autoscaling 3..12)",
            "dns: hc-1 inverted False",
            "rename eu-central-1: production-db-replica to production-db-replica-retired-202606010300",
            "create eu-central-1: production-db-replica from arn:aws:rds:eu-west-1:123456789012:db:production-db key arn:aws:kms:eu-central-1:123456789012:key/d subnets production-dr-db-subnets",
            "record: drPromoted False",
        ], _world.Calls);
        Assert.Null(_world.Instances[(DrWorld.Primary, "production-db")].ReplicaOf);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        Assert.False(_world.Promoted);
        Assert.False(_world.Inverted);
        Assert.Equal((NotificationSeverity.Info, "Failback of production: production runs in eu-west-1 again, with a new replica in eu-central-1"), Assert.Single(_world.Pages));
    }

    [Fact]
    public async Task The_report_lists_the_pulumi_state_steps_and_the_retired_instances()
    {
        var result = await RunAsync();

        var afterwards = JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("afterwards").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.StartsWith("Before the next `pulumi up`, point Pulumi's state at the new instances: `pulumi state delete --stack production", afterwards[0], StringComparison.Ordinal);
        Assert.Equal(
            "The replaced instances are kept, renamed: production-db-retired-202606010300 in eu-west-1 and production-db-replica-retired-202606010300 in eu-central-1. " +
            "Delete them (with a final snapshot) once the data is checked.", afterwards[1]);
        Assert.Contains("## What remains to do", result.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_that_is_not_failed_over_is_refused()
    {
        _world.Promoted = false;

        var result = await RunAsync();

        Assert.Equal(DrOutcome.Refused, result.Outcome);
        Assert.Equal("stack production is not failed over (the release ledger's drPromoted is false); nothing was changed", result.Message);
        Assert.Empty(_world.Calls);
    }

    [Fact]
    public async Task The_switchover_waits_for_the_lag_target_before_stopping_writes()
    {
        _world.Lag = new(45, 3);

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step catch-up (ReplicaLag of production-db at most 30 s did not happen within 3h 0m 0s; last seen: max 45 s over 3 data point(s)); " +
            "the report says what state each region is in", result.Message);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("scale eu-central-1", StringComparison.Ordinal));
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
    }

    public static TheoryData<string, string> FailingSteps => new()
    {
        { "retire-eu-west-1", "rename eu-west-1" },
        { "create-replica-eu-west-1", "create eu-west-1" },
        { "scale-stop-writes", "scale eu-central-1" },
        { "promote-database-eu-west-1", "promote eu-west-1" },
        { "scale-primary-services", "scale eu-west-1" },
        { "switch-dns", "dns" },
        { "retire-eu-central-1", "rename eu-central-1" },
        { "create-replica-eu-central-1", "create eu-central-1" },
        { "record-promotion", "record" },
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

    [Fact]
    public async Task A_rerun_after_the_new_primary_was_promoted_never_renames_it_aside()
    {
        _world.Failing["dns"] = new InvalidOperationException("the API refused");
        await RunAsync();
        _world.Failing.Clear();
        _world.Calls.Clear();

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step retire-eu-west-1 (the DR services are already stopped, so production-db in eu-west-1 may be the primary a previous fail-back promoted; " +
            "it is not renamed. Check it, then finish by hand (README, Disaster recovery, Fail-back)); the report says what state each region is in", result.Message);
        Assert.Empty(_world.Calls);
    }

    [Fact]
    public async Task Without_an_instance_to_copy_the_placement_from_no_replica_is_guessed()
    {
        _world.Instances.Remove((DrWorld.Primary, "production-db"));

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step create-replica-eu-west-1 (no instance production-db was found in eu-west-1 to take the KMS key, subnet group and security groups from; " +
            "create the replica by hand (README, Disaster recovery, Fail-back) and run failback again); the report says what state each region is in", result.Message);
    }

    [Fact]
    public async Task An_api_error_during_a_wait_is_looked_past_until_the_wait_times_out()
    {
        _world.Failing["lag eu-west-1"] = new HttpRequestException("Rate exceeded");

        var result = await RunAsync();

        Assert.Equal(
            "Failback failed at step catch-up (ReplicaLag of production-db at most 30 s did not happen within 3h 0m 0s; last seen: the API did not answer (Rate exceeded)); " +
            "the report says what state each region is in", result.Message);
        Assert.Equal(720, _world.Time.Waits.Count(w => w == TimeSpan.FromSeconds(15)));
    }
}
