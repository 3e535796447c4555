using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>The pure canary rule: its order and its edges, with the default settings.</summary>
public class CanaryRuleTests
{
    private static readonly TargetGroupMetrics Live = new(10_000, 100, 0, 0.2, 2);

    private static CanaryVerdict Judge(TargetGroupMetrics candidate, TargetGroupMetrics? live = null, double elb5xx = 0) =>
        CanaryAnalysis.Judge("web", DeployColor.Green, candidate, live ?? Live, elb5xx, CanarySettings.Default);

    [Fact]
    public void One_error_in_a_small_step_is_not_a_regression_though_its_rate_is_above_the_floor()
    {
        var verdict = Judge(new TargetGroupMetrics(60, 1, 0, 0.2, 2), new TargetGroupMetrics(600, 0, 0, 0.2, 2));

        Assert.Equal(CanaryOutcome.Pass, verdict.Outcome);
        Assert.Equal((1 / 60.0, 0.01), (verdict.NewErrorRate, verdict.AllowedErrorRate));
    }

    [Fact]
    public void When_the_live_color_serves_nothing_the_floor_is_the_limit_and_latency_is_not_judged()
    {
        var verdict = Judge(new TargetGroupMetrics(5000, 20, 0, 9.0, 2), TargetGroupMetrics.None);

        Assert.Equal((CanaryOutcome.Pass, "within limits", (double?)null), (verdict.Outcome, verdict.Reason, verdict.AllowedP99Seconds));
        Assert.Contains("allowed error rate 1.00%, allowed p99 n/a", verdict.Describe());
    }

    [Fact]
    public void No_healthy_target_fails_even_without_requests()
    {
        var verdict = Judge(new TargetGroupMetrics(0, 0, 0, null, 0));

        Assert.Equal((CanaryOutcome.Fail, "no healthy targets in green's target group"), (verdict.Outcome, verdict.Reason));
    }

    [Fact]
    public void Load_balancer_503s_count_as_served_requests_so_a_color_without_targets_is_judged_not_inconclusive()
    {
        var verdict = Judge(new TargetGroupMetrics(0, 0, 0, null, null), elb5xx: 80);

        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("error rate 100.00% (at least ", verdict.Reason);
    }

    [Fact]
    public void The_journal_data_holds_every_number_the_decision_used()
    {
        var data = Judge(new TargetGroupMetrics(1000, 12, 3, 0.25, 2)).ToData().ToDictionary();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["canary.web.outcome"] = "pass", ["canary.web.reason"] = "within limits", ["canary.web.newRequests"] = "1000",
                ["canary.web.newTarget5xx"] = "12", ["canary.web.newConnectionErrors"] = "3", ["canary.web.elb5xx"] = "0",
                ["canary.web.newErrorRate"] = "0.015", ["canary.web.newP99Seconds"] = "0.25", ["canary.web.newMinHealthyHosts"] = "2",
                ["canary.web.liveRequests"] = "10000", ["canary.web.liveErrorRate"] = "0.01", ["canary.web.liveP99Seconds"] = "0.2",
                ["canary.web.allowedErrorRate"] = "0.02", ["canary.web.allowedP99Seconds"] = "0.4",
            },
            data);
    }

    [Fact]
    public async Task A_deploy_refuses_a_stack_that_does_not_export_the_names_the_analysis_reads_metrics_by()
    {
        var harness = new RolloutHarness("web");
        harness.OutputsOverride = outputs => outputs with { Green = outputs.Green with { TargetGroupArnSuffix = null } };

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.BadInput, result.Outcome);
        Assert.Contains(
            "the stack outputs lack services.web.green.targetGroupArnSuffix, which the canary analysis reads CloudWatch metrics by; " +
            "run pulumi up with this version of the program first", result.Message);
        Assert.Empty(harness.Updates);
    }
}
