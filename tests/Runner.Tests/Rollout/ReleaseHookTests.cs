using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

public class ReleaseHookTests
{
    private static readonly MigrationArguments Migrate = new("web", ["./migrate", "up"], "10m");

    private static RolloutPlan Plan(bool snapshot = false, MigrationArguments? migration = null, int keep = 10) =>
        RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], BackupBeforeDeploy = snapshot, KeepReleaseSnapshots = keep, Migration = migration });

    private static string SnapshotOf(string rolloutId) => $"production-release-{rolloutId}";

    private static IReadOnlyDictionary<string, string> Finished(RolloutHarness harness, string hook) =>
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.HookFinished && e.Data["hook"] == hook).Data;

    [Fact]
    public async Task A_release_waits_for_its_snapshot_before_changing_anything_and_prunes_older_ones_after_success()
    {
        var harness = new RolloutHarness("web");
        foreach (var (id, daysAgo) in new[] { ("production-release-old1", 3), ("production-release-old2", 2), ("production-release-old3", 1) })
        {
            harness.Snapshots.Snapshots[id] = new FakeSnapshots.Snapshot(RolloutHarness.DatabaseId, "production", id, RolloutHarness.Start.AddDays(-daysAgo));
        }

        harness.Snapshots.Snapshots["staging-release-x"] = new FakeSnapshots.Snapshot(RolloutHarness.DatabaseId, "staging", "x", RolloutHarness.Start.AddDays(-9));

        var result = await harness.Engine.DeployAsync(Plan(snapshot: true, keep: 2));

        var rolloutId = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal([SnapshotOf(rolloutId)], harness.Snapshots.Created);
        var available = harness.Events.First(e => e.Kind == RolloutEventKind.HookFinished).At;
        Assert.Equal(RolloutHarness.Start + TimeSpan.FromMinutes(3), available);
        Assert.All(harness.Updates, u => Assert.True(u.At >= available));
        Assert.Equal(
            new Dictionary<string, string> { ["hook"] = "snapshot", ["at"] = "pre-release", ["result"] = "ok", ["durationSeconds"] = "180", ["output"] = SnapshotOf(rolloutId) },
            Finished(harness, "snapshot"));
        // The newest two are kept: the one just taken and old3; another stack's snapshot is not this stack's to prune.
        Assert.Equal(["production-release-old2", "production-release-old1"], harness.Snapshots.Deleted);
        Assert.Equal("production-release-old2,production-release-old1", Finished(harness, "prune")["output"]);
        Assert.Equal("post-release", Finished(harness, "prune")["at"]);
        Assert.Contains(harness.Progress, p => p.Readiness == $"snapshot {SnapshotOf(rolloutId)}: creating, 33%");
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_started_stops_the_release_before_any_change()
    {
        var harness = new RolloutHarness("web");
        var before = harness.Configs["web"];
        harness.Snapshots.CreateFault = new InvalidOperationException("Instance infra-production-db is not in available state. (InvalidDBInstanceState)");

        var result = await harness.Engine.DeployAsync(Plan(snapshot: true));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            $"Rollout {id} stopped before any change: snapshot {SnapshotOf(id)} of database infra-production-db could not be started: " +
            "Instance infra-production-db is not in available state. (InvalidDBInstanceState)",
            result.Message);
        Assert.Empty(harness.Updates);
        Assert.Equal(before, harness.Configs["web"]);
        Assert.Null(harness.StoredRecord);
        Assert.Equal("failed", Finished(harness, "snapshot")["result"]);
        Assert.DoesNotContain(harness.Events, e => e.Kind == RolloutEventKind.ImagesDeployed);
    }

    [Fact]
    public async Task A_snapshot_still_creating_after_the_timeout_stops_the_release_before_any_change()
    {
        var harness = new RolloutHarness("web");
        harness.Snapshots.TimeToAvailable = TimeSpan.FromHours(2);

        var result = await harness.Engine.DeployAsync(Plan(snapshot: true));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(
            $"Rollout {id} stopped before any change: snapshot {SnapshotOf(id)} of database infra-production-db not available within 01:00:00 (50% done); " +
            "it is left to finish and is pruned like any release snapshot",
            result.Message);
        Assert.Empty(harness.Updates);
        Assert.Null(harness.StoredRecord);
        Assert.Equal(("timeout", "3600"), (Finished(harness, "snapshot")["result"], Finished(harness, "snapshot")["durationSeconds"]));
    }

    [Fact]
    public async Task A_migration_that_exits_1_stops_the_release_with_traffic_untouched_and_names_its_log_stream()
    {
        var harness = new RolloutHarness("web");
        harness.Tasks.ExitCode = 1;

        var result = await harness.Engine.DeployAsync(Plan(migration: Migrate));

        var id = harness.Events[0].RolloutId;
        var arn = "arn:aws:ecs:eu-west-1:123456789012:task/infra-production/0001abcdef";
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            $"Rollout {id} stopped before any traffic moved: the migration task {arn} exited with 1 (Essential container in task exited); " +
            "log stream /ecs/infra-production/web:green/web/0001abcdef",
            result.Message);
        Assert.Empty(harness.TrafficUpdates);
        Assert.Empty(harness.SmokeTargets);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Balancer["web"]);
        var start = Assert.Single(harness.Tasks.Starts);
        Assert.Equal(
            new MigrationTaskRequest("infra-production", "arn:aws:ecs:eu-west-1:123456789012:task-definition/infra-production-web-green:7", "web",
                start.Command, start.SubnetIds, "sg-tasks", id, $"migration-{id}"),
            start);
        Assert.Equal(["subnet-a", "subnet-b"], start.SubnetIds);
        Assert.Equal(["./migrate", "up"], start.Command);
        // It ran once the new color was ready.
        Assert.True(harness.Event(RolloutEventKind.ColorsReady).At <= harness.Events.First(e => e.Kind == RolloutEventKind.HookStarted).At);
        Assert.Equal(("pre-traffic", "failed", $"{arn} /ecs/infra-production/web:green/web/0001abcdef"),
            (Finished(harness, "migration")["at"], Finished(harness, "migration")["result"], Finished(harness, "migration")["output"]));
    }

    [Fact]
    public async Task A_runner_killed_during_the_migration_is_resumed_waiting_for_the_same_task_and_never_starts_another()
    {
        var harness = new RolloutHarness("web");
        using var kill = new CancellationTokenSource();
        harness.Tasks.OnDescribe = _ =>
        {
            if (harness.Tasks.Described.Count == 3) kill.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(Plan(migration: Migrate), kill.Token));

        var arn = "arn:aws:ecs:eu-west-1:123456789012:task/infra-production/0001abcdef";
        var kept = Assert.Single(harness.Record!.Hooks!);
        Assert.Equal((HookNames.Migration, HookState.Running, arn), (kept.Name, kept.State, kept.Reference));
        harness.Tasks.OnDescribe = _ => { };

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Single(harness.Tasks.Starts);
        Assert.All(harness.Tasks.Described, described => Assert.Equal(arn, described));
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.HookStarted);
        Assert.Equal("ok", Finished(harness, "migration")["result"]);
    }

    [Fact]
    public async Task A_runner_killed_after_RunTask_answered_but_before_it_stored_the_task_is_resumed_with_the_same_task()
    {
        var harness = new RolloutHarness("web");
        using var kill = new CancellationTokenSource();
        // ECS has started the task; the runner dies before the answer reaches its ledger write.
        harness.Tasks.OnStarted = _ =>
        {
            kill.Cancel();
            kill.Token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(Plan(migration: Migrate), kill.Token));

        var kept = Assert.Single(harness.Record!.Hooks!);
        Assert.Equal((HookNames.Migration, HookState.Running, (string?)null), (kept.Name, kept.State, kept.Reference));
        harness.Tasks.OnStarted = _ => { };

        var result = await harness.Engine.ResumeAsync();

        var arn = "arn:aws:ecs:eu-west-1:123456789012:task/infra-production/0001abcdef";
        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal([arn], harness.Tasks.Started);
        Assert.Equal(2, harness.Tasks.Starts.Count);
        Assert.All(harness.Tasks.Starts, s => Assert.Equal($"migration-{harness.Events[0].RolloutId}", s.ClientToken));
        Assert.All(harness.Tasks.Described, described => Assert.Equal(arn, described));
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.HookStarted);
        Assert.Equal("ok", Finished(harness, "migration")["result"]);
    }

    [Fact]
    public async Task A_migration_whose_task_was_never_stored_is_not_started_again_once_ECS_has_forgotten_its_token()
    {
        var harness = new RolloutHarness("web");
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord("r-1", RolloutHarness.Start, Plan(migration: Migrate),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.SmokeTesting, 0, RolloutHarness.Start, PromotionRequest.None, null,
            [new HookRecord("migration", HookState.Running, null, RolloutHarness.Start - TimeSpan.FromHours(24))]));

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            "Rollout r-1 stopped before any traffic moved: the migration task of web was started at 2026-02-28 12:00:00Z but its ARN was never stored, " +
            "and ECS forgets the client token migration-r-1 after 24 hours, so it is not started again; look for tasks started by r-1 in cluster infra-production",
            result.Message);
        Assert.Empty(harness.Tasks.Starts);
        Assert.Empty(harness.TrafficUpdates);
    }

    [Fact]
    public void A_client_token_keeps_within_what_ECS_accepts()
    {
        Assert.Equal("migration-r20260301-120000-0a1b2c3d", MigrationTaskRequest.TokenFor("r20260301-120000-0a1b2c3d"));
        var odd = MigrationTaskRequest.TokenFor("r 1\u00e9" + new string('x', 80));
        Assert.Equal(64, odd.Length);
        Assert.StartsWith("migration-r-1-xxx", odd, StringComparison.Ordinal);
        Assert.All(odd, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public async Task A_runner_killed_while_its_snapshot_is_taken_is_resumed_waiting_for_that_snapshot()
    {
        var harness = new RolloutHarness("web");
        using var kill = new CancellationTokenSource();
        var describes = 0;
        harness.Snapshots.OnDescribe = _ =>
        {
            if (++describes == 2) kill.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Engine.DeployAsync(Plan(snapshot: true), kill.Token));
        harness.Snapshots.OnDescribe = _ => { };
        Assert.Empty(harness.Updates);

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Single(harness.Snapshots.Created);
        Assert.Equal("ok", Finished(harness, "snapshot")["result"]);
    }

    [Fact]
    public async Task Resume_never_runs_a_finished_hook_again()
    {
        var harness = new RolloutHarness("web");
        var plan = Plan(snapshot: true, migration: Migrate);
        harness.StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord("r-1", RolloutHarness.Start, plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            RolloutPhase.SmokeTesting, 0, RolloutHarness.Start, PromotionRequest.None, null,
            [new HookRecord("snapshot", HookState.Done, "production-release-r-1", RolloutHarness.Start),
             new HookRecord("migration", HookState.Done, "arn:aws:ecs:eu-west-1:123456789012:task/infra-production/0009abcdef", RolloutHarness.Start)]));
        harness.Snapshots.Snapshots["production-release-r-1"] = new FakeSnapshots.Snapshot(RolloutHarness.DatabaseId, "production", "r-1", RolloutHarness.Start);

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Empty(harness.Snapshots.Created);
        Assert.Empty(harness.Tasks.Starts);
        // Only pruning ran, and it kept the snapshot this release took.
        Assert.Equal(["prune"], harness.Events.Where(e => e.Kind == RolloutEventKind.HookStarted).Select(e => e.Data["hook"]));
        Assert.Empty(harness.Snapshots.Deleted);
    }

    [Fact]
    public void Pruning_keeps_the_newest_and_the_current_one_and_never_one_still_being_taken()
    {
        var at = RolloutHarness.Start;
        ReleaseSnapshot Taken(string id, int daysAgo) => new(id, id, at.AddDays(-daysAgo));
        var found = new[] { Taken("a", 5), Taken("current", 0), Taken("b", 1), new ReleaseSnapshot("pending", "p", null), Taken("c", 3) };

        Assert.Equal(["c", "a"], SnapshotPruning.Prunable(found, 2, "current").Select(s => s.Id));
        Assert.Equal(["b", "c", "a"], SnapshotPruning.Prunable(found, 1, "current").Select(s => s.Id));
        Assert.Equal(["a"], SnapshotPruning.Prunable(found, 3, null).Select(s => s.Id));
    }

    [Fact]
    public void A_production_migration_needs_a_snapshot_unless_no_snapshot_is_given()
    {
        var args = new RolloutArguments { Services = ["web"], Production = true, Migration = Migrate };

        var refused = Assert.Throws<RolloutInputException>(() => RolloutPlanParser.Parse(args));

        Assert.Equal(
            "a production release runs its migration only after a database snapshot, and infra:rollout.hooks.backupBeforeDeploy is false; " +
            "pass --snapshot to take one, or --no-snapshot to migrate without one",
            refused.Message);
        var hooks = RolloutPlanParser.Parse(args with { NoSnapshot = true }).Hooks;
        Assert.False(hooks.Snapshot);
        Assert.Equal(("web", TimeSpan.FromMinutes(10)), (hooks.Migration!.Service, hooks.Migration.Timeout));
        Assert.Equal(["./migrate", "up"], hooks.Migration.Command);
        Assert.True(RolloutPlanParser.Parse(args with { SnapshotFlag = true }).Hooks.Snapshot);
        Assert.Equal("--snapshot and --no-snapshot contradict each other; give only one of them",
            Assert.Throws<RolloutInputException>(() => RolloutPlanParser.Parse(args with { SnapshotFlag = true, NoSnapshot = true })).Message);
    }

    [Fact]
    public async Task A_deploy_whose_hooks_need_outputs_the_stack_lacks_is_refused_before_anything_changes()
    {
        var harness = new RolloutHarness("web");
        harness.OutputsOverride = o => o with { ContainerName = null, Green = o.Green with { TaskDefinitionArn = null } };

        var result = await harness.Engine.DeployAsync(Plan(migration: Migrate));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Equal(
            "the stack outputs lack services.web.green.taskDefinitionArn, services.web.containerName, which the release hooks need; run pulumi up with this version of the program first",
            result.Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public void The_worst_case_duration_counts_the_snapshot_and_the_migration_timeouts()
    {
        var without = RolloutDuration.Total(Plan());
        var with = RolloutDuration.Terms(Plan(snapshot: true, migration: Migrate));

        Assert.Equal(without + TimeSpan.FromMinutes(60) + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20), with.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Duration));
        Assert.Equal(
            [("database snapshot: its timeout 01:00:00 + one 00:00:10 poll", RolloutPhase.Deploying), ("migration task: its timeout 00:10:00 + one 00:00:10 poll", RolloutPhase.SmokeTesting)],
            with.Take(2).Select(t => (t.Name, t.Phase!.Value)));
    }
}
