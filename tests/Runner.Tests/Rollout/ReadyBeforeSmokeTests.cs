using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// The smoke check waits until the new color runs its desired count of tasks with every target healthy; a color that
/// never gets there stops the rollout before traffic moves, its config restored.
/// </summary>
public class ReadyBeforeSmokeTests
{
    private static readonly TargetGroupRef GreenTargets =
        new(RolloutHarness.LoadBalancer, RolloutHarness.TargetGroup("web", DeployColor.Green));

    [Fact]
    public async Task A_color_whose_tasks_never_become_healthy_is_not_smoke_tested_and_the_rollout_stops_in_a_known_state()
    {
        var harness = new RolloutHarness("web");
        harness.Health = (_, _) => new TargetHealth(1, 1);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var id = harness.Events[0].RolloutId;
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(
            $"Rollout {id} stopped before any traffic moved: new colors not ready within 00:10:00: web: 1 of 2 tasks healthy, 1 unhealthy",
            result.Message);
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Empty(harness.TrafficUpdates);
        // Polled every interval for the whole timeout, at 0s, 10s, ... 600s after the deploy.
        Assert.Equal(61, harness.HealthReads.Count);
        Assert.Equal(TimeSpan.FromMinutes(10), harness.HealthReads[^1].At - harness.HealthReads[0].Since);
        Assert.All(harness.HealthReads, read => Assert.Equal(GreenTargets, read.Group));
        // The new color's config is put back and applied with the deploy's own targets, so it scales back to zero.
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
        Assert.Equal(harness.Updates[0].Targets, harness.Updates[^1].Targets);
        Assert.False(harness.Updates[^1].Declared["web"].Green.Running);
        Assert.Null(harness.StoredRecord);
        Assert.Equal($"Rollout {id}: new colors not ready within 00:10:00: web: 1 of 2 tasks healthy, 1 unhealthy",
            harness.Event(RolloutEventKind.ReadyTimedOut).Message);
        Assert.Contains((NotificationSeverity.Info, result.Message), harness.Notifications);
    }

    [Fact]
    public async Task The_smoke_check_starts_only_once_every_target_is_healthy()
    {
        var harness = new RolloutHarness("web");
        // Fargate starts one task, then the second, which fails its first health checks before passing.
        harness.Health = (_, since) => (harness.Time.GetUtcNow() - since).TotalSeconds switch
        {
            < 30 => new TargetHealth(null, null),
            < 60 => new TargetHealth(1, 0),
            < 90 => new TargetHealth(1, 1),
            _ => new TargetHealth(2, 0),
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Single(harness.Smoke.Invocations);
        Assert.Equal(10, harness.HealthReads.Count); // 0s .. 90s
        Assert.Equal(TimeSpan.FromSeconds(90), harness.HealthReads[^1].At - harness.HealthReads[0].Since);
        Assert.Equal([RolloutEventKind.ColorsReady, RolloutEventKind.SmokePassed],
            harness.Events.Select(e => e.Kind).Where(k => k is RolloutEventKind.ColorsReady or RolloutEventKind.SmokePassed));
        Assert.Equal(
            [
                "web: no healthy-host datapoint yet, 2 tasks wanted", "web: no healthy-host datapoint yet, 2 tasks wanted",
                "web: no healthy-host datapoint yet, 2 tasks wanted", "web: 1 of 2 tasks healthy, 0 unhealthy",
                "web: 1 of 2 tasks healthy, 0 unhealthy", "web: 1 of 2 tasks healthy, 0 unhealthy",
                "web: 1 of 2 tasks healthy, 1 unhealthy", "web: 1 of 2 tasks healthy, 1 unhealthy",
                "web: 1 of 2 tasks healthy, 1 unhealthy", "web: 2 of 2 tasks healthy, 0 unhealthy",
            ],
            harness.Progress.Where(p => p.Phase == RolloutPhase.WaitingForReady).Select(p => p.Readiness));
        Assert.Equal("New colors ready: web: 2 of 2 tasks healthy, 0 unhealthy", harness.Event(RolloutEventKind.ColorsReady).Message);
        // The deploy's update declared the new color running, which the program holds at its desired count.
        Assert.True(harness.Updates[0].Declared["web"].Green.Running);
    }

    [Fact]
    public async Task Resume_in_WaitingForReady_waits_only_what_is_left_then_smoke_tests_without_redeploying()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Green = new ColorConfig("web:2", true) });
        var phaseStarted = RolloutHarness.Start - TimeSpan.FromMinutes(9);
        harness.GivenRecord(RolloutPhase.WaitingForReady, phaseStarted);
        harness.Health = (_, _) => harness.Time.GetUtcNow() >= RolloutHarness.Start + TimeSpan.FromSeconds(30)
            ? new TargetHealth(2, 0)
            : new TargetHealth(0, 0);

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.All(harness.HealthReads, read => Assert.Equal(phaseStarted, read.Since));
        Assert.Equal(4, harness.HealthReads.Count);
        Assert.Equal(TimeSpan.FromSeconds(60), harness.Progress[0].TimeLeft);
        Assert.Single(harness.Smoke.Invocations);
        Assert.All(harness.Updates, u => Assert.DoesNotContain("urn:web:green-taskdef", u.Targets));
    }

    [Fact]
    public async Task Resume_in_WaitingForReady_past_the_timeout_stops_before_traffic_moves()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Green = new ColorConfig("web:2", true) });
        var phaseStarted = RolloutHarness.Start - TimeSpan.FromMinutes(11);
        harness.GivenRecord(RolloutPhase.WaitingForReady, phaseStarted);
        harness.Health = (_, _) => new TargetHealth(0, 0);

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal("Rollout r-1 stopped before any traffic moved: new colors not ready within 00:10:00: web: 0 of 2 tasks healthy, 0 unhealthy",
            result.Message);
        Assert.Single(harness.HealthReads);
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task An_abort_while_waiting_for_ready_stops_before_traffic_moves()
    {
        var harness = new RolloutHarness("web");
        harness.Health = (_, since) =>
        {
            if (harness.Time.GetUtcNow() - since >= TimeSpan.FromSeconds(20) && harness.Record is { StopRequest: null } record)
            {
                harness.StoredRecord = RolloutRecordJson.Serialize(record with { StopRequest = new RolloutStopRequest("abort", "ops-laptop (pid 4242)") });
            }

            return new TargetHealth(0, 0);
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.EndsWith("stopped before any traffic moved: abort requested by ops-laptop (pid 4242)", result.Message);
        Assert.Equal(3, harness.HealthReads.Count);
        Assert.Empty(harness.Smoke.Invocations);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
    }
}
