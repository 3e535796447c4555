using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>Deploy refuses to start while an alarm it would watch is in ALARM, unless told it is a hotfix.</summary>
public class PreflightTests
{
    private static readonly string[] Incident = ["web-error-rate", "web-blue-5xx"];

    private static RolloutHarness DuringAnIncident()
    {
        var harness = new RolloutHarness("web");
        harness.AlarmState = (name, _) => Incident.Contains(name) ? AlarmState.Alarm : AlarmState.Ok;
        return harness;
    }

    [Fact]
    public async Task Deploy_refuses_while_a_watched_alarm_is_in_ALARM_naming_them_and_changing_nothing()
    {
        var harness = DuringAnIncident();

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "these watched alarms are in ALARM: web-error-rate, web-blue-5xx; nothing was changed. " +
            "Deploy once they are OK, or pass --during-incident to deploy a hotfix anyway", result.Message);
        Assert.Null(harness.StoredRecord);
        Assert.Empty(harness.Updates);
        Assert.Empty(harness.Events);
        Assert.Equal(new ColorConfig(null, false), harness.Configs["web"].Green);
    }

    [Fact]
    public async Task During_incident_deploys_anyway_and_journals_and_notifies_the_override()
    {
        var harness = DuringAnIncident();
        var plan = RolloutHarness.Plan("web=web:2") with { DuringIncident = true };

        var result = await harness.Engine.DeployAsync(plan);

        var id = harness.Events[0].RolloutId;
        var message = $"Rollout {id} started with --during-incident: these watched alarms are in ALARM: web-error-rate, web-blue-5xx";
        var overridden = harness.Event(RolloutEventKind.IncidentOverride);
        Assert.Equal(message, overridden.Message);
        Assert.Equal("web-error-rate,web-blue-5xx", overridden.Data["alarmsInAlarm"]);
        Assert.Contains((NotificationSeverity.Info, message), harness.Notifications);
        Assert.NotEmpty(harness.Updates);
        // The critical alarm is still watched during the bake: the incident rolls the hotfix back like any gate.
        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Contains("web-error-rate is ALARM", harness.Event(RolloutEventKind.AlarmTripped).Message);
    }

    [Fact]
    public async Task Resume_before_traffic_moved_checks_again_and_keeps_the_record()
    {
        var harness = new RolloutHarness("web");
        harness.GivenRecord(RolloutPhase.SmokeTesting);
        harness.AlarmState = (name, _) => name == "web-error-rate" ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("these watched alarms are in ALARM: web-error-rate; rollout r-1 stays where it is (no traffic moved): " +
            "resume once they are OK, or roll it back", result.Message);
        Assert.Equal(RolloutPhase.SmokeTesting, harness.Record!.Phase);
        Assert.Empty(harness.Smoke.Invocations);
    }

    [Fact]
    public async Task Resume_once_traffic_may_have_moved_does_not_refuse_it_rolls_back_on_the_gate()
    {
        var harness = new RolloutHarness("web");
        harness.Given(harness.Configs["web"] with { Weights = new TrafficWeights(90, 10), Green = new ColorConfig("web:2", true) });
        harness.GivenRecord(RolloutPhase.Shifting);
        harness.AlarmState = (name, _) => name == "web-error-rate" ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.ResumeAsync();

        Assert.Equal(RolloutOutcome.RolledBack, result.Outcome);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Blue), harness.Configs["web"].Weights);
    }
}
