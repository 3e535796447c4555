using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:rollout.hooks</c>.</summary>
public static class ReleaseHookRules
{
    /// <summary>RDS's default quota of manual snapshots per region is 100; keeping more than that cannot work.</summary>
    public const int MaxKeepReleaseSnapshots = 100;
    public const int MaxMigrationTimeoutMinutes = 120;

    public static void Validate(StackSettings settings, Diagnostics d)
    {
        const string path = $"{ConfigKeys.Rollout}.hooks";
        if (settings.Rollout.Hooks is not { } hooks) return;
        d.CheckRange($"{path}.keepReleaseSnapshots", hooks.KeepReleaseSnapshots, 1, MaxKeepReleaseSnapshots);
        WebhookRules.Validate(hooks.Webhooks, d);
        if (hooks.Migration is not { } migration) return;

        var names = settings.Services.Select(s => s.Name).ToList();
        if (migration.Service.Length == 0)
            d.Error($"{path}.migration.service", $"required; the service whose new color runs the task, one of: {string.Join(", ", names)}");
        else if (!names.Contains(migration.Service))
            d.Error($"{path}.migration.service", $"'{migration.Service}' is not a service of this stack; use one of: {string.Join(", ", names)}");

        if (migration.Command.Count == 0 || migration.Command.Any(string.IsNullOrWhiteSpace))
            d.Error($"{path}.migration.command", "required; the container's command as a list of non-empty arguments, e.g. [\"./migrate\", \"up\"]");

        d.CheckRange($"{path}.migration.timeoutMinutes", migration.TimeoutMinutes, 1, MaxMigrationTimeoutMinutes);
    }
}
