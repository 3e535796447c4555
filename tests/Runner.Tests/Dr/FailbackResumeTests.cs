using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// A fail-back killed after any of its steps (no undo, no report: the process is gone) is finished by the next run,
/// which looks at AWS and at Pulumi's state before each step: the original topology under the same identifiers, each
/// instance renamed and created once, and the state pointing at the new instances.
/// </summary>
public class FailbackResumeTests
{
    private readonly DrWorld _world = DrWorld.FailedOver();

    private Task<DrResult> RunAsync(DrPorts ports) => new Failback(ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    /// <summary>Every step of an uninterrupted fail-back, in order.</summary>
    internal static readonly string[] StepNames =
    [
        "stop-primary-services", "check-dr-database", "retire-eu-west-1", "create-replica-eu-west-1", "wait-replica-eu-west-1",
        "parameter-group-eu-west-1", "apply-parameter-group-eu-west-1", "catch-up",
        "record-switching-back", "scale-stop-writes", "wait-stop-writes", "final-catch-up", "promote-database-eu-west-1", "wait-database-eu-west-1",
        "record-promotion", "scale-primary-services", "wait-primary-services", "switch-dns", "clear-release-mark",
        "read-new-primary", "retire-eu-central-1", "create-replica-eu-central-1", "wait-replica-eu-central-1",
        "parameter-group-eu-central-1", "apply-parameter-group-eu-central-1",
        "state-read-resource-ids", "backups-replication-start", "backups-replication-stop-retired", "state-repoint", "state-refresh",
    ];

    public static TheoryData<string> Steps => new(StepNames);

    [Fact]
    public async Task The_theory_covers_every_step_of_a_fail_back()
    {
        var result = await RunAsync(_world.Ports);

        var names = System.Text.Json.JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(StepNames, names);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_fail_back_killed_after_a_step_is_finished_by_the_next_run(string step)
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter(step) }));

        var result = await RunAsync(_world.Ports);

        Assert.Equal(step == "state-refresh" ? DrOutcome.NothingToDo : DrOutcome.Succeeded, result.Outcome);
        Assert.Null(_world.Instances[(DrWorld.Primary, "production-db")].ReplicaOf);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.Equal("available", _world.Instances[(DrWorld.Dr, "production-db-replica")].Status);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, "production-web-blue")]);
        Assert.False(_world.Promoted);
        Assert.False(_world.ReleaseMarked);
        Assert.False(_world.PrimaryHeldUnhealthy);
        Assert.Equal(["rename eu-west-1", "rename eu-central-1"], _world.Calls.Where(c => c.StartsWith("rename", StringComparison.Ordinal)).Select(c => c.Split(':')[0]));
        Assert.Equal(["eu-west-1", "eu-central-1"], _world.Created.Select(c => c.Region));
        Assert.Equal(["parameters eu-west-1: production-db production-db-params", "parameters eu-central-1: production-db-replica production-dr-db-params"],
            _world.Calls.Where(c => c.StartsWith("parameters", StringComparison.Ordinal)));
        Assert.Equal(["reboot eu-west-1: production-db", "reboot eu-central-1: production-db-replica"], _world.Calls.Where(c => c.StartsWith("reboot", StringComparison.Ordinal)));
        Assert.Equal(("production-db-params", "in-sync"),
            (_world.Instances[(DrWorld.Primary, "production-db")].ParameterGroup, _world.Instances[(DrWorld.Primary, "production-db")].ParameterApplyStatus));
        Assert.Equal(("production-dr-db-params", "in-sync"),
            (_world.Instances[(DrWorld.Dr, "production-db-replica")].ParameterGroup, _world.Instances[(DrWorld.Dr, "production-db-replica")].ParameterApplyStatus));
        Assert.Equal(("db-CREATED1", "db-CREATED1", "production-db"), _world.State.Recorded("production-db"));
        Assert.Equal(("db-CREATED2", "db-CREATED2", "production-db-replica"), _world.State.Recorded("production-db-replica"));
        Assert.Equal(["start-backups eu-central-1", "stop-backups eu-central-1"], _world.Calls.Where(c => c.Contains("-backups", StringComparison.Ordinal)).Select(c => c.Split(':')[0]));
        Assert.Equal(_world.Instances[(DrWorld.Primary, "production-db")].Backups, _world.State.RecordedBackups());
        Assert.False(_world.Backups[DrWorld.OriginalBackups].Replicating);
    }

    /// <summary>
    /// Killed once the DR services stopped writing: nothing writes, so ReplicaLag only grows and a lag target would never
    /// be met again. The next run resumes at the switchover, with no lag wait and nothing renamed or created again.
    /// </summary>
    [Fact]
    public async Task A_fail_back_killed_after_the_writes_stopped_resumes_at_the_switchover_without_waiting_for_a_lag_target()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("wait-stop-writes") }));
        var calls = _world.Calls.Count;

        var result = await RunAsync(_world.Ports);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            "the release ledger's dr item says switching back: an earlier fail-back stopped in the switchover, after its new replica caught up; " +
            "resuming at the switchover, whose failures are undone",
            _world.Events.Single(e => e.Kind == "FailbackResumed").Message);
        var names = System.Text.Json.JsonDocument.Parse(result.JsonReport).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(StepNames.SkipWhile(name => name != "record-switching-back"), names);
        Assert.DoesNotContain(_world.Calls.Skip(calls), c => c.StartsWith("rename eu-west-1", StringComparison.Ordinal) || c.StartsWith("create eu-west-1", StringComparison.Ordinal));
        Assert.Equal(PromotionState.NotPromoted, _world.Promotion);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, "production-web-blue")]);
    }

    /// <summary>A resumed switchover that fails is undone like a first one: writes back in the DR region, the ledger plainly promoted.</summary>
    [Fact]
    public async Task A_resumed_switchover_that_fails_is_undone()
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter("wait-stop-writes") }));
        _world.Stuck.Add("replay");

        var result = await RunAsync(_world.Ports);

        Assert.Equal(DrOutcome.Failed, result.Outcome);
        Assert.Contains(FailbackTests.Undone, result.Message, StringComparison.Ordinal);
        Assert.Equal(PromotionState.Promoted, _world.Promotion);
        Assert.True(_world.ReleaseMarked);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.DoesNotContain(_world.Calls, c => c.StartsWith("promote", StringComparison.Ordinal));
    }
}
