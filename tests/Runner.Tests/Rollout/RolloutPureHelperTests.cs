using Infra.Runner.Rollout;

namespace Runner.Tests.Rollout;

public class RolloutPureHelperTests
{
    [Theory]
    [InlineData(RolloutOutcome.Succeeded, 0)]
    [InlineData(RolloutOutcome.RolledBack, 1)]
    [InlineData(RolloutOutcome.BadInput, 2)]
    [InlineData(RolloutOutcome.RollbackFailed, 3)]
    [InlineData(RolloutOutcome.StackBusy, 4)]
    public void Each_outcome_has_its_documented_exit_code(RolloutOutcome outcome, int exitCode)
    {
        Assert.Equal(exitCode, outcome.ExitCode());
    }

    [Fact]
    public void The_gate_trips_on_alarm_and_on_a_missing_alarm_under_either_policy()
    {
        var states = new Dictionary<string, AlarmState> { ["a"] = AlarmState.Ok, ["b"] = AlarmState.Alarm, ["gone"] = AlarmState.Missing };

        var ok = AlarmGate.Evaluate(["a", "b", "gone", "unanswered"], states, InsufficientDataPolicy.Ok);
        var fail = AlarmGate.Evaluate(["a", "b", "gone", "unanswered"], states, InsufficientDataPolicy.Fail);

        Assert.Equal("b is ALARM, gone is MISSING, unanswered is MISSING", ok.Describe());
        Assert.Equal(ok.Describe(), fail.Describe());
        Assert.Equal(AlarmState.Missing, ok.States["unanswered"]);
    }

    [Fact]
    public void The_gate_counts_insufficient_data_only_under_the_fail_policy()
    {
        var states = new Dictionary<string, AlarmState> { ["quiet"] = AlarmState.InsufficientData };

        Assert.False(AlarmGate.Evaluate(["quiet"], states, InsufficientDataPolicy.Ok).Tripped);
        Assert.Equal("quiet is INSUFFICIENT_DATA", AlarmGate.Evaluate(["quiet"], states, InsufficientDataPolicy.Fail).Describe());
    }

    [Fact]
    public void The_gate_passes_when_every_alarm_is_ok()
    {
        var verdict = AlarmGate.Evaluate(["a"], new Dictionary<string, AlarmState> { ["a"] = AlarmState.Ok }, InsufficientDataPolicy.Fail);

        Assert.False(verdict.Tripped);
    }

    [Fact]
    public void The_ledger_collapses_to_the_confirmed_weights_after_a_successful_update()
    {
        var ledger = new TrafficLedger([new ServiceConfig("web", DeployColor.Blue, new TrafficWeights(90, 10), new ColorConfig("a", true), new ColorConfig("b", true))]);

        ledger.MayHaveApplied("web", new TrafficWeights(50, 50));
        Assert.Equal("web at blue=90 green=10 (or blue=50 green=50 if a failed update reached it)", ledger.Describe());

        ledger.Confirm("web", TrafficWeights.AllTo(DeployColor.Blue));
        Assert.Equal("web at blue=100 green=0", ledger.Describe());
    }

    [Theory]
    [InlineData(DeployColor.Blue, 10, 10, 90)]
    [InlineData(DeployColor.Green, 10, 90, 10)]
    [InlineData(DeployColor.Green, 100, 0, 100)]
    public void Shifted_weights_put_the_percent_on_the_target_color(DeployColor target, int percent, int blue, int green)
    {
        Assert.Equal(new TrafficWeights(blue, green), TrafficWeights.Shifted(target, percent));
    }

    [Fact]
    public void Colors_parse_from_config_and_reject_anything_else()
    {
        Assert.Equal(DeployColor.Green, DeployColors.Parse("Green"));
        Assert.Equal("'red' is not a color; use blue or green", Assert.Throws<RolloutInputException>(() => DeployColors.Parse("red")).Message);
    }

    [Fact]
    public void The_rollout_record_round_trips_through_its_config_json()
    {
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"], Steps = "20,100" });
        var record = new RolloutRecord("r1", DateTimeOffset.Parse("2026-03-01T12:00:00Z"), plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig("web:1", false))],
            RolloutPhase.Shifting, 1, DateTimeOffset.Parse("2026-03-01T12:05:00Z"), PromotionRequest.Full);

        var json = RolloutRecordJson.Serialize(record);
        var back = RolloutRecordJson.Deserialize(json);

        Assert.Contains("\"phase\":\"shifting\"", json);
        Assert.Equal((record.Id, record.Phase, record.StepIndex, record.Promotion, record.PhaseStartedAt), (back.Id, back.Phase, back.StepIndex, back.Promotion, back.PhaseStartedAt));
        Assert.Equal(record.Services, back.Services);
        Assert.Equal(plan.Steps, back.Plan.Steps);
        Assert.Equal(plan.Services, back.Plan.Services);
        Assert.Equal((plan.Bake, plan.PollInterval, plan.Smoke, plan.TerminationWait), (back.Plan.Bake, back.Plan.PollInterval, back.Plan.Smoke, back.Plan.TerminationWait));
    }

    [Fact]
    public void A_record_written_before_the_replaced_config_was_kept_still_reads()
    {
        var plan = RolloutPlanParser.Parse(new RolloutArguments { Services = ["web=web:2"] });
        var json = RolloutRecordJson.Serialize(new RolloutRecord("r1", DateTimeOffset.Parse("2026-03-01T12:00:00Z"), plan,
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2")],
            RolloutPhase.SmokeTesting, 0, DateTimeOffset.Parse("2026-03-01T12:00:00Z"), PromotionRequest.None)).Replace(",\"replaced\":null", "");

        Assert.DoesNotContain("replaced", json);
        Assert.Null(Assert.Single(RolloutRecordJson.Deserialize(json).Services).Replaced);
    }

    [Fact]
    public void An_unreadable_rollout_record_is_an_input_error_that_says_how_to_recover()
    {
        var error = Assert.Throws<RolloutInputException>(() => RolloutRecordJson.Deserialize("{not json"));

        Assert.StartsWith("the rollout record on the release ledger's lease is unreadable (", error.Message);
        Assert.EndsWith("); fix or remove the lease item, then run rollback", error.Message);
    }
}
