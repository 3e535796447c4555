using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Tests;

public class AlertingAndRolloutValidationTests
{
    private const string KnownKeys =
        "targetErrorRate, targetResponseTimeP95, targetResponseTimeP99, colorErrorRate, colorResponseTimeP99, " +
        "colorUnhealthyHosts, ecsMemoryHigh, ecsCpuHigh, ecsRunningTasksLow, databaseCpuHigh, databaseFreeStorageLow, " +
        "databaseConnectionsHigh, databaseReplicaLag, databaseConnectionErrors, albRejectedConnections, albElb5xx, syntheticSuccessPercent";

    [Fact]
    public void Production_without_any_alert_destination() =>
        Expect.Error(StackBuilder.Production().Remove("infra:alerting", "emails"),
            "infra:alerting: production needs at least one alert destination; set slackWebhookUrl (slack mode lambda), " +
            "slack workspaceId and channelId (slack mode chatbot), an e-mail address, pagerUrl or smsNumbers");

    [Fact]
    public void Production_with_only_chatbot_has_a_destination() =>
        Assert.Empty(StackBuilder.Production().Remove("infra:alerting", "emails")
            .Set("infra:alerting", "slack", new JsonObject { ["mode"] = "chatbot", ["workspaceId"] = "T1", ["channelId"] = "C1" })
            .Load().Errors);

    [Fact]
    public void Production_with_only_the_slack_webhook_has_a_destination() =>
        Assert.Empty(StackBuilder.Production().Remove("infra:alerting", "emails")
            .Set("infra:alerting", "slackWebhookUrl", "https://hooks.slack.com/x").Secret("infra:alerting")
            .Load().Errors);

    [Fact]
    public void Chatbot_needs_workspace_and_channel() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:alerting", "slack.mode", "chatbot"),
            "Pulumi.staging.yaml: infra:alerting.slack.workspaceId: required when slack mode is chatbot",
            "Pulumi.staging.yaml: infra:alerting.slack.channelId: required when slack mode is chatbot");

    [Fact]
    public void Slack_mode_must_be_lambda_or_chatbot() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alerting", "slack.mode", "webhook"),
            "infra:alerting.slack.mode: 'webhook' is not allowed; use one of: lambda, chatbot");

    [Fact]
    public void Email_addresses_must_look_like_addresses() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alerting", "emails.high", new JsonArray("ops@example.com", "oncall")),
            "infra:alerting.emails.high[1]: 'oncall' is not an e-mail address");

    [Fact]
    public void Email_severities_are_only_the_four() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alerting", "emails.urgent", new JsonArray("ops@example.com")),
            "infra:alerting.emails.urgent: unknown key; allowed keys are critical, high, medium, low");

    [Fact]
    public void Unknown_alarm_key_names_the_known_keys() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alarms", "diskFull.threshold", 90),
            $"infra:alarms.diskFull: unknown alarm key; known keys are {KnownKeys}");

    [Fact]
    public void Misspelled_alarm_key_gets_a_suggestion_and_the_known_keys() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alarms", "targetErorRate.threshold", 5),
            $"infra:alarms.targetErorRate: unknown alarm key; did you mean 'targetErrorRate'? known keys are {KnownKeys}");

    [Fact]
    public void Known_alarm_keys_come_from_the_caller()
    {
        var builder = StackBuilder.Staging().Set("infra:alarms", "queueDepth.threshold", 100);

        var result = StackSettingsLoader.FromConfigValues("staging", builder.Values, new HashSet<string>(), ["queueDepth"]);

        Assert.Equal(100, result.GetValidOrThrow().AlarmOverrides["queueDepth"].Threshold);
    }

    [Fact]
    public void Alarm_override_fields() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:alarms", AlarmKeys.TargetErrorRate, new JsonObject
            {
                ["evaluationPeriods"] = 2, ["datapointsToAlarm"] = 3, ["periodSeconds"] = 45, ["logPattern"] = "ERROR",
            }),
            "Pulumi.staging.yaml: infra:alarms.targetErrorRate.datapointsToAlarm: 3 is greater than evaluationPeriods 2; " +
            "datapoints to alarm must not exceed evaluation periods",
            "Pulumi.staging.yaml: infra:alarms.targetErrorRate.periodSeconds: 45 is not a CloudWatch period; allowed 10, 30 or a multiple of 60",
            "Pulumi.staging.yaml: infra:alarms.targetErrorRate.logPattern: only the databaseConnectionErrors alarm reads a log pattern");

    [Fact]
    public void Rollout_steps_increasing_in_range_ending_at_100() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "steps", new JsonArray(0, 50, 50, 90)),
            "Pulumi.staging.yaml: infra:rollout.steps[0]: 0 is out of range; allowed 1 to 100",
            "Pulumi.staging.yaml: infra:rollout.steps[2]: 50 does not follow 50; steps must be strictly increasing",
            "Pulumi.staging.yaml: infra:rollout.steps: the last step is 90; it must be 100");

    [Fact]
    public void Rollout_steps_must_not_be_empty() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "steps", new JsonArray()),
            "infra:rollout.steps: required; list the new color's weight per step, ending at 100, e.g. [10, 50, 100]");

    [Fact]
    public void Rollout_timings() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "bakeMinutes", -1).Set("infra:rollout", "pollIntervalSeconds", 0)
                .Set("infra:rollout", "insufficientData", "ignore"),
            "Pulumi.staging.yaml: infra:rollout.insufficientData: 'ignore' is not allowed; use one of: ok, fail",
            "Pulumi.staging.yaml: infra:rollout.bakeMinutes: -1 is out of range; allowed 4 or more " +
            "(the colorResponseTimeP99 gate alarm evaluates 3 periods of 60 s; a bake needs that window plus one period)",
            "Pulumi.staging.yaml: infra:rollout.pollIntervalSeconds: 0 is out of range; allowed 1 or more");

    [Fact]
    public void A_bake_of_zero_is_refused_with_the_gate_window_it_must_cover() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "bakeMinutes", 0),
            "infra:rollout.bakeMinutes: 0 is out of range; allowed 4 or more " +
            "(the colorResponseTimeP99 gate alarm evaluates 3 periods of 60 s; a bake needs that window plus one period)");

    [Fact]
    public void A_bake_shorter_than_the_longest_overridden_gate_window_is_refused() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "bakeMinutes", 5)
                .Set("infra:alarms", "colorErrorRate", new JsonObject { ["evaluationPeriods"] = 5, ["datapointsToAlarm"] = 3 }),
            "infra:rollout.bakeMinutes: 5 is out of range; allowed 6 or more " +
            "(the colorErrorRate gate alarm evaluates 5 periods of 60 s; a bake needs that window plus one period)");

    [Fact]
    public void With_every_gate_alarm_disabled_a_bake_still_needs_a_minute() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "bakeMinutes", 0)
                .Set("infra:alarms", "colorErrorRate", new JsonObject { ["enabled"] = false })
                .Set("infra:alarms", "colorResponseTimeP99", new JsonObject { ["enabled"] = false })
                .Set("infra:alarms", "colorUnhealthyHosts", new JsonObject { ["enabled"] = false }),
            "infra:rollout.bakeMinutes: 0 is out of range; allowed 1 or more");

    [Fact]
    public void The_poll_interval_must_not_exceed_the_bake() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "pollIntervalSeconds", 241),
            "infra:rollout.pollIntervalSeconds: 241 is out of range; allowed 1 to 240 (at most the bake, 4 minutes)");

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void The_ready_timeout_is_between_one_minute_and_an_hour(int minutes) =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "readyTimeoutMinutes", minutes),
            $"infra:rollout.readyTimeoutMinutes: {minutes} is out of range; allowed 1 to 60");

    [Fact]
    public void Rollout_canary_analysis_settings_in_range() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "minRequestsPerStep", 0).Set("infra:rollout", "maxInconclusiveMinutes", 121)
                .Set("infra:rollout", "onInconclusive", "wait").Set("infra:rollout", "errorRateRatio", 0.5)
                .Set("infra:rollout", "errorRateFloorPercent", 60).Set("infra:rollout", "latencyRatio", 0.9),
            "Pulumi.staging.yaml: infra:rollout.onInconclusive: 'wait' is not allowed; use one of: fail, pause",
            "Pulumi.staging.yaml: infra:rollout.minRequestsPerStep: 0 is out of range; allowed 1 to 1000000",
            "Pulumi.staging.yaml: infra:rollout.maxInconclusiveMinutes: 121 is out of range; allowed 0 to 120",
            "Pulumi.staging.yaml: infra:rollout.errorRateRatio: 0.5 is out of range; allowed 1 to 100",
            "Pulumi.staging.yaml: infra:rollout.errorRateFloorPercent: 60 is out of range; allowed 0 to 50",
            "Pulumi.staging.yaml: infra:rollout.latencyRatio: 0.9 is out of range; allowed 1 to 100");

    [Fact]
    public void Rollout_canary_analysis_settings_are_read_from_the_stack_file()
    {
        var rollout = StackSettingsLoader.FromFile(RepoFiles.StackFile("production")).Settings!.Rollout;

        Assert.Equal((100, 15, Infra.Stacks.Settings.InconclusivePolicy.Fail, 2.0, 1.0, 1.5),
            (rollout.MinRequestsPerStep, rollout.MaxInconclusiveMinutes, rollout.OnInconclusive, rollout.ErrorRateRatio, rollout.ErrorRateFloorPercent, rollout.LatencyRatio));
    }

    /// <summary>A record older runners wrote into the stack file; the ledger holds the rollout now.</summary>
    private const string RunnerRecord = """
        {"id":"r-1","phase":"shifting","stepIndex":1,"services":[{"name":"web","fromColor":"blue","toColor":"green","image":"repo/web:2","replaced":{"image":null,"running":false}}]}
        """;

    [Fact]
    public void A_rollout_record_left_by_an_older_runner_is_refused_with_where_the_rollout_lives_now() =>
        Expect.Errors(StackBuilder.Staging().Scalar("infra:rolloutInProgress", RunnerRecord),
            "Pulumi.staging.yaml: infra:rolloutInProgress: no longer read: the runner keeps the rollout in progress in the stack's " +
            "release ledger (infra-staging-releases); remove the key (pulumi config rm infra:rolloutInProgress --stack staging) and run infra-runner status");
}
