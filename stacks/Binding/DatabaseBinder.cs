using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:database</c>.</summary>
public static class DatabaseBinder
{
    public const string Latest = "latest";

    public static DatabaseSettings Bind(MapReader database, StackDefaults defaults)
    {
        var settings = new DatabaseSettings(
            EngineVersion: database.String("engineVersion") ?? defaults.EngineVersion,
            InstanceClass: database.String("instanceClass") ?? defaults.InstanceClass,
            AllocatedStorageGb: database.Int("allocatedStorageGb") ?? defaults.AllocatedStorageGb,
            MaxAllocatedStorageGb: database.Int("maxAllocatedStorageGb") ?? defaults.MaxAllocatedStorageGb,
            MultiAz: database.Bool("multiAz") ?? defaults.MultiAz,
            BackupRetentionDays: database.Int("backupRetentionDays") ?? defaults.BackupRetentionDays,
            BackupWindow: database.String("backupWindow") ?? defaults.BackupWindow,
            MaintenanceWindow: database.String("maintenanceWindow") ?? defaults.MaintenanceWindow,
            Name: database.String("name") ?? defaults.DatabaseName,
            Username: database.String("username") ?? defaults.DatabaseUsername,
            RestoreTest: database.Has("restoreTest") ? BindRestoreTest(database.Map("restoreTest")) : null);
        database.ReportUnknownKeys();
        return settings;
    }

    private static RestoreTestSettings BindRestoreTest(MapReader restoreTest)
    {
        var path = restoreTest.PathOf("pointInTime");
        var text = restoreTest.String("pointInTime") ?? Latest;
        var instanceClass = restoreTest.String("instanceClass");
        restoreTest.ReportUnknownKeys();
        if (text == Latest) return new RestoreTestSettings(null, instanceClass);
        if (IsoTimestamp.TryParse(text, out var pointInTime)) return new RestoreTestSettings(pointInTime, instanceClass);

        restoreTest.Diagnostics.Error(path,
            $"{Shown.Text(text)} is not allowed; use latest or an ISO-8601 timestamp with offset, e.g. 2026-11-20T08:00:00Z");
        return new RestoreTestSettings(null, instanceClass);
    }
}
