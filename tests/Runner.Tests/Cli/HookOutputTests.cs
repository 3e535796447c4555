using Infra.Runner.Commands;
using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Cli;

/// <summary>How <c>status</c> and <c>history</c> show the release hooks.</summary>
public sealed class HookOutputTests : IDisposable
{
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public void Status_lists_each_hook_of_the_rollout_with_its_state_and_reference()
    {
        using var logger = RunnerLog.Create(output, json: false);
        var record = new RolloutRecord("r1", RolloutHarness.Start, RolloutHarness.Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.SmokeTesting, 0, RolloutHarness.Start, PromotionRequest.None,
            Hooks: [new HookRecord("snapshot", HookState.Done, "production-release-r1", RolloutHarness.Start),
                    new HookRecord("migration", HookState.Running, "arn:aws:ecs:eu-west-1:123456789012:task/c/0001", RolloutHarness.Start.AddMinutes(4))]);

        StatusCommand.Print(new RolloutStatus(
            [new ServiceConfig("web", DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue), new ColorConfig("web:1", true), new ColorConfig("web:2", true))],
            record, new Dictionary<string, AlarmState>()), logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(
        [
            "INF Hook snapshot: done since 2026-03-01 12:00:00Z (production-release-r1)",
            "INF Hook migration: running since 2026-03-01 12:04:00Z (arn:aws:ecs:eu-west-1:123456789012:task/c/0001)",
        ], lines.Skip(2));
    }

    [Fact]
    public void Status_says_where_a_rollout_is_paused_since_when_and_the_command_that_continues_it()
    {
        using var logger = RunnerLog.Create(output, json: false);
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "10,pause:30m,50,100" });
        var paused = new RolloutRecord("r1", RolloutHarness.Start, plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 0, RolloutHarness.Start.AddMinutes(7),
            PromotionRequest.None, Hooks: [new HookRecord("pause:1", HookState.Running, null, RolloutHarness.Start.AddMinutes(7))]);

        StatusCommand.PrintPause(paused, "production", logger);
        StatusCommand.PrintPause(paused with { Hooks = [new HookRecord("pause:1", HookState.Done, "promoted", RolloutHarness.Start.AddMinutes(7))] }, "production", logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(["INF Paused at step 1 since 2026-03-01 12:07:00Z (up to 0:30:00, then rollback), continue with `infra-runner promote --stack production`"], lines);
    }

    [Fact]
    public void Status_shows_the_deploy_s_overrides_and_a_pause_for_an_inconclusive_analysis()
    {
        using var logger = RunnerLog.Create(output, json: false);
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], NoSnapshot = true, NoWebhooks = true });
        var record = new RolloutRecord("r1", RolloutHarness.Start, plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")], RolloutPhase.Shifting, 1, RolloutHarness.Start.AddMinutes(20),
            PromotionRequest.None, Hooks: [new HookRecord("inconclusive:2", HookState.Running, null, RolloutHarness.Start.AddMinutes(35))]);

        StatusCommand.Print(new RolloutStatus(
            [new ServiceConfig("web", DeployColor.Blue, TrafficWeights.Shifted(DeployColor.Green, 50), new ColorConfig("web:1", true), new ColorConfig("web:2", true))],
            record, new Dictionary<string, AlarmState>()), logger);
        StatusCommand.PrintPause(record, "production", logger);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..]).ToList();
        Assert.Equal(
        [
            "INF Overrides of this deploy (resume applies them too): --no-snapshot, --no-webhooks",
            "INF Hook inconclusive:2: running since 2026-03-01 12:35:00Z",
            "INF Paused at step 2 since 2026-03-01 12:35:00Z: its canary analysis stayed inconclusive; continue with `infra-runner promote --stack production`",
        ], lines.Skip(2));
    }

    [Fact]
    public void History_shows_the_overrides_a_deploy_was_given()
    {
        var overridden = new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.HooksOverridden,
            "Rollout r1 overrides the stack's release hooks for this deploy: --no-migration \"applied by hand\"",
            new Dictionary<string, string> { ["overrides"] = "--no-migration \"applied by hand\"" });

        Assert.Equal("Rollout r1 overrides the stack's release hooks for this deploy: --no-migration \"applied by hand\"", HookLines.Describe(overridden));
    }

    [Fact]
    public void History_shows_a_finished_hook_with_its_stage_result_duration_and_output()
    {
        var started = new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.HookStarted, "Snapshot s started",
            new Dictionary<string, string> { ["hook"] = "snapshot", ["at"] = "pre-release" });
        var finished = new RolloutEvent(RolloutHarness.Start, "r1", RolloutEventKind.HookFinished, "Snapshot s is available",
            new Dictionary<string, string> { ["hook"] = "snapshot", ["at"] = "pre-release", ["result"] = "ok", ["durationSeconds"] = "180", ["output"] = "s" });

        Assert.Equal("Snapshot s started [hook snapshot at pre-release]", HookLines.Describe(started));
        Assert.Equal("Snapshot s is available [hook snapshot at pre-release: ok after 180s, output s]", HookLines.Describe(finished));
    }
}
