using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary><c>pause</c> items of <c>infra:rollout.steps</c> and <c>pauseTimeoutAction</c>: where a pause may stand, its timeout, exact messages.</summary>
public class PauseStepValidationTests
{
    [Fact]
    public void Pauses_between_steps_are_read_with_their_timeouts_and_the_percentages_stay_the_steps()
    {
        var builder = StackBuilder.Staging().Set("infra:rollout", "steps", new JsonArray(10, "pause", 50, "pause:1h30m", 100))
            .Set("infra:rollout", "pauseTimeoutAction", "promote");

        var rollout = builder.Load().Settings!.Rollout;

        Assert.Equal(ValueList.Of(10, 50, 100), rollout.Steps);
        Assert.Equal(ValueList.Of(new PauseSetting(1, null, "pause"), new PauseSetting(2, 5400, "pause:1h30m")), rollout.Pauses);
        Assert.Equal(PauseTimeoutAction.Promote, rollout.PauseTimeoutAction);
    }

    [Fact]
    public void Steps_bind_when_pulumi_holds_the_whole_rollout_map_secret_because_the_webhook_key_is()
    {
        // A secure: leaf makes Pulumi mark its top-level key secret (config.Value's secure flag covers the whole object).
        var builder = StackBuilder.Production().Set("infra:rollout", "steps", new JsonArray(10, "pause", 50, 100))
            .Set("infra:rollout", "hooks", new JsonObject { ["webhookKey"] = "decrypted-key" }).Secret("infra:rollout");

        var result = builder.Load();

        Assert.Empty(result.Errors);
        Assert.Equal(ValueList.Of(10, 50, 100), result.Settings!.Rollout.Steps);
        Assert.True(result.Settings.Rollout.Hooks!.Webhooks.WebhookKey.IsSet);
    }

    [Fact]
    public void Without_pauses_a_timed_out_pause_rolls_back_by_default()
    {
        var rollout = StackBuilder.Staging().Load().Settings!.Rollout;

        Assert.Equal((0, PauseTimeoutAction.Rollback), (rollout.Pauses.Count, rollout.PauseTimeoutAction));
    }

    [Fact]
    public void A_pause_stands_between_two_steps_once_with_a_timeout_of_a_minute_to_a_day() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "steps", new JsonArray("pause", 10, "pause:30s", "pause", 50, "pause:25h", 100, "pause")),
            "Pulumi.staging.yaml: infra:rollout.steps[0]: pause must follow a step that moved traffic, e.g. [10, pause, 50, 100]",
            "Pulumi.staging.yaml: infra:rollout.steps[2]: pause:30s is out of range; a pause's timeout is allowed from 1m to 24h",
            "Pulumi.staging.yaml: infra:rollout.steps[3]: pause follows another pause; put one pause between two steps",
            "Pulumi.staging.yaml: infra:rollout.steps[5]: pause:25h is out of range; a pause's timeout is allowed from 1m to 24h",
            "Pulumi.staging.yaml: infra:rollout.steps[7]: pause cannot be last; after 100 the termination wait keeps the old colors up, e.g. [10, pause, 50, 100]");

    [Fact]
    public void Step_errors_name_the_item_as_written_when_pauses_come_before_it() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "steps", new JsonArray(10, "pause", 5, "wait", 100)),
            "Pulumi.staging.yaml: infra:rollout.steps[3]: expected a percentage, pause or pause:DURATION (e.g. pause:30m), got 'wait'",
            "Pulumi.staging.yaml: infra:rollout.steps[2]: 5 does not follow 10; steps must be strictly increasing");

    [Fact]
    public void The_pause_timeout_action_is_rollback_or_promote() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "pauseTimeoutAction", "continue"),
            "infra:rollout.pauseTimeoutAction: 'continue' is not allowed; use one of: rollback, promote");
}
