using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Tests;

public class AlertingAndRolloutValidationTests
{
    private const string KnownKeys =
        "targetErrorRate, targetResponseTimeP95, targetResponseTimeP99, colorErrorRate, colorResponseTimeP99, " +
        "colorUnhealthyHosts, ecsMemoryHigh, ecsCpuHigh, ecsRunningTasksLow, databaseCpuHigh, databaseFreeStorageLow, " +
        "databaseConnectionsHigh, databaseReplicaLag, databaseConnectionErrors, albRejectedConnections, albElb5xx";

    [Fact]
    public void Production_without_any_alert_destination() =>
        Expect.Error(StackBuilder.Production().Remove("infra:alerting", "emails"),
            "infra:alerting: production needs at least one alert destination; set slackWebhookUrl (slack mode lambda), " +
            "slack workspaceId and channelId (slack mode chatbot), or an e-mail address");

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
            "Pulumi.staging.yaml: infra:rollout.bakeMinutes: -1 is out of range; allowed 0 or more",
            "Pulumi.staging.yaml: infra:rollout.pollIntervalSeconds: 0 is out of range; allowed 1 or more");

    /// <summary>The record as the runner writes it: one JSON config value (RolloutRecordJson's format).</summary>
    private const string RunnerRecord = """
        {"id":"r-1","startedAt":"2026-11-20T08:00:00+00:00",
         "plan":{"services":[{"name":"web","image":"repo/web:2"}],"steps":[10,50,100],"bake":"00:05:00","pollInterval":"00:00:10",
                 "smoke":{"path":"/health","consecutiveSuccesses":3,"timeout":"00:02:00"},"terminationWait":"00:15:00","insufficientData":"ok"},
         "services":[{"name":"web","fromColor":"blue","toColor":"green","image":"repo/web:2"}],
         "phase":"shifting","stepIndex":1,"phaseStartedAt":"2026-11-20T08:05:00+00:00","promotion":"none",
         "trafficMayHaveMoved":true,"currentPercent":50,"isLastStep":false}
        """;

    [Fact]
    public void Rollout_in_progress_is_read_from_the_runners_record()
    {
        var settings = StackBuilder.Staging().Set("infra:services", "web.image.green", "repo/web:2")
            .Scalar("infra:rolloutInProgress", RunnerRecord);

        var inProgress = settings.Load().GetValidOrThrow().RolloutInProgress!;

        Assert.Equal(("r-1", "shifting", 1), (inProgress.Id, inProgress.Phase, inProgress.Step));
        Assert.Equal([10, 50, 100], inProgress.Steps);
        Assert.Equal([new Settings.RolloutServiceMove("web", Settings.Color.Green)], inProgress.Services);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), inProgress.StartedAt);
    }

    [Fact]
    public void Rollout_in_progress_with_bad_fields() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rolloutInProgress", "stepIndex", 7)
                .Set("infra:rolloutInProgress", "phase", "shifting")
                .Set("infra:rolloutInProgress", "plan.steps", new JsonArray(10, 100))
                .Set("infra:rolloutInProgress", "startedAt", "now")
                .Set("infra:rolloutInProgress", "services", new JsonArray(new JsonObject { ["name"] = "api", ["toColor"] = "green" })),
            "Pulumi.staging.yaml: infra:rolloutInProgress.id: required",
            "Pulumi.staging.yaml: infra:rolloutInProgress.startedAt: 'now' is not an ISO-8601 timestamp with offset, e.g. 2026-11-20T08:00:00Z",
            "Pulumi.staging.yaml: infra:rolloutInProgress.stepIndex: 7 is out of range; allowed 0 to 1",
            "Pulumi.staging.yaml: infra:rolloutInProgress.services[0].name: 'api' is not a service of this stack");
}
