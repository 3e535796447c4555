using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout.hooks</c> (absent: the environment's defaults, no migration).</summary>
public static class ReleaseHookBinder
{
    public static ReleaseHookSettings Bind(MapReader hooks, StackDefaults defaults)
    {
        var settings = new ReleaseHookSettings(
            hooks.Bool("backupBeforeDeploy") ?? defaults.BackupBeforeDeploy,
            hooks.Int("keepReleaseSnapshots") ?? defaults.KeepReleaseSnapshots,
            hooks.Has("migration") ? BindMigration(hooks.Map("migration"), defaults) : null,
            WebhookBinder.Bind(hooks));
        hooks.ReportUnknownKeys();
        return settings;
    }

    private static MigrationHookSettings BindMigration(MapReader migration, StackDefaults defaults)
    {
        var settings = new MigrationHookSettings(
            migration.String("service") ?? "",
            migration.StringList("command") ?? ValueList<string>.Empty,
            migration.Int("timeoutMinutes") ?? defaults.MigrationTimeoutMinutes);
        migration.ReportUnknownKeys();
        return settings;
    }
}
