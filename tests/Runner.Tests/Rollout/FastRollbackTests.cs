using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Issue 14 item 1: a rollback moves traffic back with the load balancer's API first, records that as applied, and
/// only then reconciles with the targeted update, which the fake load balancer shows changes no weight. A failed
/// switch falls back to the update; a switch the release guard already made is adopted.
/// </summary>
public class FastRollbackTests
{
    private static readonly TrafficWeights AllBlue = TrafficWeights.AllTo(DeployColor.Blue);

    [Fact]
    public async Task A_gate_alarm_switches_traffic_back_directly_and_the_reconciling_update_changes_no_weight()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        GateTripsOnceTrafficMoves(harness, "web-green-5xx");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: gate tripped at step 1 (10%): web-green-5xx is ALARM", result.Message);
        var flip = Assert.Single(harness.Switches);
        Assert.Equal((RolloutHarness.RouteFor("web"), AllBlue, RolloutPhase.RollingBack), (flip.Route, flip.Weights, flip.PhaseStored));
        Assert.Equal([("web", DeployColor.Blue, AllBlue)], Assert.Single(harness.AppliedRecords));
        var step = harness.TrafficUpdates.First();
        var reconcile = harness.TrafficUpdates.Last();
        Assert.Equal(new Dictionary<string, (TrafficWeights, TrafficWeights)> { ["web"] = (AllBlue, new TrafficWeights(90, 10)) }, step.WeightChanges);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), reconcile.Targets);
        Assert.Same(reconcile, harness.Updates[flip.UpdatesBefore]);
        var refresh = Assert.Single(harness.Refreshes);
        Assert.Equal(RolloutHarness.TrafficUrns("web"), refresh.Targets);
        Assert.Equal((flip.UpdatesBefore, 1), (refresh.UpdatesBefore, refresh.SwitchesBefore)); // switched, refreshed, then updated
        Assert.Empty(reconcile.WeightChanges);
        Assert.Empty(reconcile.ReportedChanges);
        Assert.Equal(AllBlue, reconcile.Declared["web"].Weights);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
        Assert.Equal(
            [RolloutEventKind.AlarmTripped, RolloutEventKind.RollbackStarted, RolloutEventKind.FastRollbackApplied, RolloutEventKind.RolledBack],
            harness.Events.SkipWhile(e => e.Kind != RolloutEventKind.AlarmTripped).Select(e => e.Kind));
        Assert.Equal("Moved web to blue with the load balancer's API and recorded it as applied; reconciling with a targeted update",
            harness.Event(RolloutEventKind.FastRollbackApplied).Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task Each_service_is_switched_and_recorded_before_the_one_reconciling_update_of_all_their_rules()
    {
        var harness = new RolloutHarness("web", "api") { DirectSwitch = true };
        GateTripsOnceTrafficMoves(harness, "api-green-5xx");

        await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2", "api=api:2"));

        Assert.Equal([RolloutHarness.RouteFor("web"), RolloutHarness.RouteFor("api")], harness.Switches.Select(s => s.Route));
        Assert.Equal([("web", DeployColor.Blue, AllBlue), ("api", DeployColor.Blue, AllBlue)], Assert.Single(harness.AppliedRecords)); // one write after both switches
        var reconcile = harness.TrafficUpdates.Last();
        Assert.Equal(RolloutHarness.TrafficUrns("web", "api"), reconcile.Targets);
        Assert.Equal(RolloutHarness.TrafficUrns("web", "api"), Assert.Single(harness.Refreshes).Targets);
        Assert.Empty(reconcile.WeightChanges);
        Assert.Empty(reconcile.ReportedChanges);
    }

    [Fact]
    public async Task A_failed_refresh_is_journaled_and_the_reconciling_update_goes_on_showing_the_rule_changed_but_moving_no_traffic()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        GateTripsOnceTrafficMoves(harness, "web-green-5xx");
        harness.RefreshFault = _ => new InvalidOperationException("error: failed to refresh: AccessDenied: elasticloadbalancing:DescribeRules");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal("Rolled back web to blue: gate tripped at step 1 (10%): web-green-5xx is ALARM", result.Message);
        Assert.Equal(
            "Refreshing Pulumi's state of urn:web:listener-rule failed (error: failed to refresh: AccessDenied: elasticloadbalancing:DescribeRules); " +
            "the reconciling update re-sends the forward action already in place, so it shows the listener or rule as changed but moves no traffic",
            harness.Event(RolloutEventKind.StateRefreshFailed).Message);
        var reconcile = harness.TrafficUpdates.Last();
        Assert.Equal(new Dictionary<string, (TrafficWeights, TrafficWeights)> { ["web"] = (new TrafficWeights(90, 10), AllBlue) }, reconcile.ReportedChanges);
        Assert.Empty(reconcile.WeightChanges);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_failed_switch_is_journaled_and_the_targeted_update_moves_the_traffic_back_as_before()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        GateTripsOnceTrafficMoves(harness, "web-green-5xx");
        harness.SwitchFault = _ => new HttpRequestException("Connection refused (elasticloadbalancing.eu-west-1.amazonaws.com:443)");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Single(harness.Switches);
        Assert.Empty(harness.Refreshes);
        Assert.Empty(harness.AppliedRecords);
        Assert.Equal(
            "Direct switch of web to blue failed (Connection refused (elasticloadbalancing.eu-west-1.amazonaws.com:443)); no service was switched; the targeted update moves the traffic instead",
            harness.Event(RolloutEventKind.FastRollbackFailed).Message);
        var reconcile = harness.TrafficUpdates.Last();
        Assert.Equal(new Dictionary<string, (TrafficWeights, TrafficWeights)> { ["web"] = (new TrafficWeights(90, 10), AllBlue) }, reconcile.WeightChanges);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
        Assert.DoesNotContain(harness.Events, e => e.Kind == RolloutEventKind.FastRollbackApplied);
    }

    [Fact]
    public async Task A_stack_without_the_route_outputs_falls_back_to_the_update_and_says_what_to_run()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        harness.OutputsOverride = outputs => outputs with { Route = null };
        GateTripsOnceTrafficMoves(harness, "web-green-5xx");

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Empty(harness.Switches);
        Assert.Equal(
            "Direct switch of web to blue failed (the stack outputs lack services.web.trafficRoute or its colors' targetGroupArn; run pulumi up with this version of the program first); " +
            "no service was switched; the targeted update moves the traffic instead",
            harness.Event(RolloutEventKind.FastRollbackFailed).Message);
        Assert.Equal(AllBlue, harness.TrafficUpdates.Last().WeightChanges["web"].To);
    }

    [Fact]
    public async Task When_the_release_guard_switched_first_the_runner_adopts_it_switches_again_and_reconciles()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        var guardActed = false;
        harness.AlarmState = (_, _) =>
        {
            // The guard, on the alarm's event, switches the traffic and leaves its rollback request on the lease.
            if (harness.TrafficUpdates.Any() && !guardActed && harness.Record is { } record)
            {
                guardActed = true;
                harness.Balancer["web"] = AllBlue;
                harness.StoredRecord = RolloutRecordJson.Serialize(record with
                {
                    StopRequest = new RolloutStopRequest("rollback", "release-guard (alarm web-green-5xx)") { GuardFlipped = true },
                });
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal("Rolled back web to blue: rollback requested by release-guard (alarm web-green-5xx) at step 1 (10%)", result.Message);
        Assert.Equal(
            "The release guard already moved web to blue (rollback requested by release-guard (alarm web-green-5xx)); switching again in case an update in flight split it, then reconciling with a targeted update",
            harness.Event(RolloutEventKind.GuardRollbackAdopted).Message);
        var reconcile = harness.TrafficUpdates.Last();
        Assert.Equal(RolloutHarness.TrafficUrns("web"), reconcile.Targets);
        Assert.Empty(reconcile.WeightChanges);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
    }

    [Fact]
    public async Task A_guard_flip_undone_by_an_update_in_flight_is_switched_back_by_the_runner()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        var guardActed = false;
        harness.AlarmState = (_, _) =>
        {
            if (harness.TrafficUpdates.Any() && !guardActed && harness.Record is { } record)
            {
                guardActed = true;
                // The guard moved web back, then the runner's own shift update, already in flight, split it again.
                harness.Balancer["web"] = new TrafficWeights(90, 10);
                harness.StoredRecord = RolloutRecordJson.Serialize(record with
                {
                    StopRequest = new RolloutStopRequest("rollback", "release-guard (alarm web-green-5xx)") { GuardFlipped = true },
                });
            }

            return AlarmState.Ok;
        };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.FastRollbackApplied);
        Assert.Empty(harness.TrafficUpdates.Last().WeightChanges);
    }

    [Fact]
    public async Task A_guard_rollback_left_on_a_stopped_runner_s_rollout_is_adopted_by_resume()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(50, 50) });
        harness.GivenRecord(RolloutPhase.Shifting);
        harness.Balancer["web"] = AllBlue;
        harness.StoredRecord = RolloutRecordJson.Serialize(harness.Record! with
        {
            StopRequest = new RolloutStopRequest("rollback", "release-guard (lease expired at 2026-03-01T12:02:00.0000000Z)") { GuardFlipped = true },
        });

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Single(harness.Events, e => e.Kind == RolloutEventKind.GuardRollbackAdopted);
        Assert.Equal(AllBlue, harness.Balancer["web"]);
        Assert.Empty(harness.TrafficUpdates.Last().WeightChanges);
    }

    /// <summary><paramref name="alarm"/> is ALARM from the first poll after traffic first moved: the rollback starts at step 1.</summary>
    private static void GateTripsOnceTrafficMoves(RolloutHarness harness, string alarm) =>
        harness.AlarmState = (name, _) => name == alarm && harness.TrafficUpdates.Any() ? AlarmState.Alarm : AlarmState.Ok;
}
