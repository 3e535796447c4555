using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class ReleaseHookValidationTests
{
    private static JsonObject Migration(string service = "web", JsonArray? command = null, int? timeout = null)
    {
        var migration = new JsonObject { ["service"] = service, ["command"] = command ?? new JsonArray("./migrate", "up") };
        if (timeout is { } minutes) migration["timeoutMinutes"] = minutes;
        return migration;
    }

    [Fact]
    public void A_migration_binds_with_its_default_timeout()
    {
        var settings = StackBuilder.Staging().Set("infra:rollout", "hooks", new JsonObject { ["migration"] = Migration() }).Load().GetValidOrThrow();

        Assert.Equal(new ReleaseHookSettings(false, 10, new MigrationHookSettings("web", ValueList.Of("./migrate", "up"), 30), WebhookHooks.None), settings.Rollout.Hooks);
    }

    [Fact]
    public void Staging_may_ask_for_a_snapshot_and_production_may_turn_it_off()
    {
        var staging = StackBuilder.Staging().Set("infra:rollout", "hooks", new JsonObject { ["backupBeforeDeploy"] = true, ["keepReleaseSnapshots"] = 3 });
        var production = StackBuilder.Production().Set("infra:rollout", "hooks", new JsonObject { ["backupBeforeDeploy"] = false });

        Assert.Equal(new ReleaseHookSettings(true, 3, null, WebhookHooks.None), staging.Load().GetValidOrThrow().Rollout.Hooks);
        Assert.Equal(new ReleaseHookSettings(false, 10, null, WebhookHooks.None), production.Load().GetValidOrThrow().Rollout.Hooks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Kept_release_snapshots_are_between_1_and_100(int keep) =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "hooks", new JsonObject { ["keepReleaseSnapshots"] = keep }),
            $"infra:rollout.hooks.keepReleaseSnapshots: {keep} is out of range; allowed 1 to 100");

    [Fact]
    public void A_migration_names_a_service_of_the_stack_a_command_and_a_timeout_in_range() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "hooks",
                new JsonObject { ["migration"] = Migration("worker", new JsonArray(), 121) }),
            "Pulumi.staging.yaml: infra:rollout.hooks.migration.service: 'worker' is not a service of this stack; use one of: web",
            "Pulumi.staging.yaml: infra:rollout.hooks.migration.command: required; the container's command as a list of non-empty arguments, e.g. [\"./migrate\", \"up\"]",
            "Pulumi.staging.yaml: infra:rollout.hooks.migration.timeoutMinutes: 121 is out of range; allowed 1 to 120");

    [Fact]
    public void A_migration_without_a_service_says_which_are_allowed() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "hooks", new JsonObject { ["migration"] = new JsonObject { ["command"] = new JsonArray("x") } }),
            "infra:rollout.hooks.migration.service: required; the service whose new color runs the task, one of: web");

    [Fact]
    public void An_unknown_hook_key_is_named() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "hooks", new JsonObject { ["backupBeforeDeploys"] = true }),
            "infra:rollout.hooks.backupBeforeDeploys: unknown key; did you mean 'backupBeforeDeploy'?");
}
