using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

public class DeploySuccessTests
{
    [Fact]
    public async Task Deploy_sets_the_idle_image_applies_only_that_colors_task_definition_service_scaling_target_and_test_route_then_smoke_tests_its_test_url()
    {
        var harness = new RolloutHarness("web");
        var smokedUrls = new List<string>();
        harness.SmokeResult = url => { smokedUrls.Add(url); return new SmokeCheckResult(true, "3 x 200"); };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(["urn:web:green-taskdef", "urn:web:green-service", "urn:web:green-scaling", "urn:web:test-rule"], harness.Updates[0].Targets);
        Assert.Equal(new ColorConfig("web:2", true), harness.Configs["web"].Green);
        Assert.Equal(["https://test.example:8443/web/health"], smokedUrls);
    }

    [Fact]
    public async Task Success_applies_weights_10_50_100_in_order_makes_green_live_with_the_test_route_and_scales_blue_to_zero_after_the_termination_wait()
    {
        var harness = new RolloutHarness("web");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [new TrafficWeights(90, 10), new TrafficWeights(50, 50), new TrafficWeights(0, 100)],
            harness.TrafficUpdates.Select(u => u.Weights["web"]));
        Assert.All(harness.TrafficUpdates, u => Assert.Equal(RolloutHarness.TrafficUrns("web"), u.Targets));

        var completed = harness.Event(RolloutEventKind.Completed).At;
        var completion = harness.Updates[^2];
        Assert.Equal(["urn:web:test-rule"], completion.Targets);
        Assert.Equal((completed, DeployColor.Green), (completion.At, completion.LiveColors["web"]));
        var scaleDown = harness.Updates[^1];
        Assert.Equal(["urn:web:blue-service", "urn:web:blue-scaling"], scaleDown.Targets);
        Assert.Equal(completed + TimeSpan.FromMinutes(15), scaleDown.At);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
        Assert.False(harness.Configs["web"].Blue.Running);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_failed_scale_down_keeps_the_release_but_asks_for_attention_and_keeps_the_record_for_resume()
    {
        var harness = new RolloutHarness("web");
        harness.UpdateFault = (_, targets) => targets.Contains("urn:web:blue-scaling") ? new InvalidOperationException("ECS API throttled") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal((RolloutOutcome.Succeeded, 0, true), (result.Outcome, result.ExitCode, result.NeedsAttention));
        Assert.Equal($"Rollout {harness.Event(RolloutEventKind.Started).RolloutId} succeeded but the old colors still run (ScalingDown failed: ECS API throttled); run resume to scale them to zero",
            result.Message);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
        Assert.NotNull(harness.Record);
        Assert.Contains(harness.Notifications, n => n == (NotificationSeverity.Info, result.Message));
    }

    [Fact]
    public async Task Each_step_bakes_for_the_bake_time_polling_every_interval_and_reading_the_new_colors_gate_alarms_and_the_critical_alarms_every_second()
    {
        var harness = new RolloutHarness("web");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var firstBake = harness.TrafficUpdates.First().At;
        var secondStep = harness.TrafficUpdates.ElementAt(1).At;
        Assert.Equal(firstBake + TimeSpan.FromMinutes(5), secondStep);
        var pollsInFirstBake = harness.Progress.Where(p => p.Phase == RolloutPhase.Shifting && p.StepNumber == 1).Select(p => p.TimeLeft).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 31).Select(i => TimeSpan.FromSeconds(300 - 10 * i)), pollsInFirstBake); // at 0s, 10s, ... 300s
        var readsInFirstBake = harness.AlarmReads.Where(t => t >= firstBake && t <= secondStep).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 301).Select(i => firstBake + TimeSpan.FromSeconds(i)), readsInFirstBake); // once a second, once at each poll
        harness.Alarms.Verify(a => a.ReadStatesAsync(
            It.Is<IReadOnlyCollection<string>>(names => names.SequenceEqual(new[] { "web-green-5xx", "web-green-unhealthy", "web-error-rate" })),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Several_services_shift_together_in_one_update_per_step()
    {
        var harness = new RolloutHarness("web", "api");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:7"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, harness.TrafficUpdates.Count());
        Assert.All(harness.TrafficUpdates, u =>
        {
            Assert.Equal(RolloutHarness.TrafficUrns("web", "api"), u.Targets);
            Assert.Equal(u.Weights["web"], u.Weights["api"]);
        });
        Assert.Equal(
            [
                "urn:web:green-taskdef", "urn:web:green-service", "urn:web:green-scaling", "urn:web:test-rule",
                "urn:api:green-taskdef", "urn:api:green-service", "urn:api:green-scaling", "urn:api:test-rule",
            ],
            harness.Updates[0].Targets);
        Assert.Equal(["urn:web:test-rule", "urn:api:test-rule"], harness.Updates[^2].Targets);
        Assert.Equal(["urn:web:blue-service", "urn:web:blue-scaling", "urn:api:blue-service", "urn:api:blue-scaling"], harness.Updates[^1].Targets);
    }

    [Fact]
    public async Task A_service_live_on_green_moves_to_blue()
    {
        var harness = new RolloutHarness("web");
        harness.Given(new ServiceConfig("web", DeployColor.Green, TrafficWeights.AllTo(DeployColor.Green),
            new ColorConfig("web:0", false), new ColorConfig("web:1", true)));

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal([new TrafficWeights(10, 90), new TrafficWeights(50, 50), new TrafficWeights(100, 0)], harness.TrafficUpdates.Select(u => u.Weights["web"]));
        Assert.Equal(DeployColor.Blue, harness.Configs["web"].LiveColor);
        Assert.False(harness.Configs["web"].Green.Running);
    }

    [Fact]
    public async Task A_service_without_an_image_redeploys_the_image_already_configured_for_its_idle_color()
    {
        var harness = new RolloutHarness("web");
        harness.Configs["web"] = harness.Configs["web"] with { Green = new ColorConfig("web:9", false) };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web"));

        Assert.Equal(new ColorConfig("web:9", true), harness.Configs["web"].Green);
    }

    [Fact]
    public async Task Progress_reports_step_weight_time_left_and_alarm_states_at_each_poll()
    {
        var harness = new RolloutHarness("web");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        var ready = harness.Progress[0];
        Assert.Equal((RolloutPhase.WaitingForReady, TimeSpan.FromMinutes(10), "web: 2 of 2 tasks healthy, 0 unhealthy"), (ready.Phase, ready.TimeLeft, ready.Readiness));
        var first = harness.Progress[1];
        Assert.Equal((RolloutPhase.Shifting, 1, 3, 10, TimeSpan.FromMinutes(5)), (first.Phase, first.StepNumber, first.StepCount, first.Percent, first.TimeLeft));
        Assert.Equal(AlarmState.Ok, first.AlarmStates["web-green-5xx"]);
        Assert.Null(first.Readiness);
        Assert.Equal(TimeSpan.FromSeconds(290), harness.Progress[2].TimeLeft);
        Assert.Contains(harness.Progress, p => p.Phase == RolloutPhase.TerminationWait && p.Percent == 100);
    }

    [Fact]
    public async Task The_journal_records_the_rollout_from_start_to_scale_down_in_order()
    {
        var harness = new RolloutHarness("web");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(
            [
                RolloutEventKind.Started, RolloutEventKind.ImagesDeployed, RolloutEventKind.ColorsReady, RolloutEventKind.SmokePassed,
                RolloutEventKind.StepApplied, RolloutEventKind.StepBaked, RolloutEventKind.StepApplied, RolloutEventKind.StepBaked,
                RolloutEventKind.StepApplied, RolloutEventKind.StepBaked, RolloutEventKind.Completed, RolloutEventKind.ScaledDown,
            ],
            harness.Events.Select(e => e.Kind).Where(k => k != RolloutEventKind.CanaryAnalysed));
        Assert.Equal("blue=50 green=50", harness.Events.Where(e => e.Kind == RolloutEventKind.StepApplied).ElementAt(1).Data["web"]);
    }

    [Fact]
    public async Task Without_a_smoke_path_each_service_is_smoke_tested_on_its_own_health_check_path_and_rule()
    {
        var harness = new RolloutHarness("web", "api");
        harness.OutputsOverride = outputs => outputs.Name == "api"
            ? outputs with { HealthCheckPath = "/status", Host = "api.example.com" }
            : outputs with { HealthCheckPath = "/healthz" };

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:7"));

        Assert.Equal(
            [new SmokeTarget("https://test.example:8443/web/healthz", null), new SmokeTarget("https://test.example:8443/api/status", "api.example.com")],
            harness.SmokeTargets);
    }

    [Fact]
    public async Task A_second_rollout_smoke_tests_through_a_test_route_applied_after_the_first_made_green_live()
    {
        var harness = new RolloutHarness("web");
        var smokedAfterUpdates = new List<int>();
        harness.SmokeResult = _ => { smokedAfterUpdates.Add(harness.Updates.Count); return new SmokeCheckResult(true, "3 x 200"); };
        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));
        var firstRollout = harness.Updates.Count;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:3"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        var completion = harness.Updates[firstRollout - 2];
        Assert.Contains("urn:web:test-rule", completion.Targets);
        Assert.Equal(DeployColor.Green, completion.LiveColors["web"]);

        // The test route forwards to the color that is not live: green live means it reaches blue, the color rollout 2 deploys.
        var routeBeforeSecondSmoke = harness.Updates.Take(smokedAfterUpdates[1]).Last(u => u.Targets.Contains("urn:web:test-rule"));
        Assert.Equal(DeployColor.Green, routeBeforeSecondSmoke.LiveColors["web"]);
        Assert.Equal(["urn:web:blue-taskdef", "urn:web:blue-service", "urn:web:blue-scaling", "urn:web:test-rule"], harness.Updates[firstRollout].Targets);
        Assert.Equal(DeployColor.Blue, harness.Configs["web"].LiveColor);
    }
}
