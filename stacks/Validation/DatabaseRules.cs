using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:database</c>.</summary>
public static partial class DatabaseRules
{
    private const string Path = ConfigKeys.Database;

    // AWS rejects shorter backup and maintenance windows.
    private const int MinimumWindowMinutes = 30;

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex VersionShape();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,62}$")]
    private static partial Regex IdentifierShape();

    public static void Validate(DatabaseSettings db, Diagnostics d)
    {
        if (!VersionShape().IsMatch(db.EngineVersion))
            d.Error($"{Path}.engineVersion", $"{Shown.Text(db.EngineVersion)} is not a PostgreSQL version; expected a form like 16.4");
        CheckInstanceClass($"{Path}.instanceClass", db.InstanceClass, d);
        if (db.RestoreTest?.InstanceClass is { } restoreClass) CheckInstanceClass($"{Path}.restoreTest.instanceClass", restoreClass, d);

        var allocatedOk = d.CheckRange($"{Path}.allocatedStorageGb", db.AllocatedStorageGb, 20, 65536);
        if (allocatedOk && db.MaxAllocatedStorageGb < db.AllocatedStorageGb)
            d.Error($"{Path}.maxAllocatedStorageGb",
                $"{db.MaxAllocatedStorageGb} is less than allocatedStorageGb {db.AllocatedStorageGb}; the ceiling must be at least the allocated storage");
        else
            d.CheckRange($"{Path}.maxAllocatedStorageGb", db.MaxAllocatedStorageGb, 20, 65536);

        d.CheckRange($"{Path}.backupRetentionDays", db.BackupRetentionDays, 1, 35);
        ValidateWindows(db, d);
        CheckIdentifier($"{Path}.name", db.Name, d);
        CheckIdentifier($"{Path}.username", db.Username, d);
    }

    private static void CheckInstanceClass(string path, string instanceClass, Diagnostics d)
    {
        if (!instanceClass.StartsWith("db.", StringComparison.Ordinal))
            d.Error(path, $"{Shown.Text(instanceClass)} is not an RDS instance class; expected a name starting with db., e.g. db.r6g.large");
    }

    private static void ValidateWindows(DatabaseSettings db, Diagnostics d)
    {
        var backupOk = MaintenanceWindows.TryParseDaily(db.BackupWindow, out var backup);
        if (!backupOk)
            d.Error($"{Path}.backupWindow", $"{Shown.Text(db.BackupWindow)} is not a daily window; expected hh:mm-hh:mm in UTC, e.g. 02:00-03:00");
        else
            CheckLength($"{Path}.backupWindow", db.BackupWindow, backup, d);

        var maintenanceOk = MaintenanceWindows.TryParseWeekly(db.MaintenanceWindow, out var maintenance);
        if (!maintenanceOk)
            d.Error($"{Path}.maintenanceWindow",
                $"{Shown.Text(db.MaintenanceWindow)} is not a weekly window; expected ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:04:00-sun:05:00");
        else
            CheckLength($"{Path}.maintenanceWindow", db.MaintenanceWindow, maintenance, d);

        if (backupOk && maintenanceOk && MaintenanceWindows.Overlap(backup, maintenance))
            d.Error($"{Path}.maintenanceWindow",
                $"{Shown.Text(db.MaintenanceWindow)} overlaps backupWindow {Shown.Text(db.BackupWindow)}; the two windows must not overlap");
    }

    private static void CheckLength(string path, string text, MaintenanceWindows.Span span, Diagnostics d)
    {
        if (span.Length < MinimumWindowMinutes)
            d.Error(path, $"{Shown.Text(text)} is shorter than {MinimumWindowMinutes} minutes; AWS needs a window of at least {MinimumWindowMinutes} minutes");
    }

    private static void CheckIdentifier(string path, string value, Diagnostics d)
    {
        if (!IdentifierShape().IsMatch(value))
            d.Error(path, $"{Shown.Text(value)} is not a PostgreSQL identifier; use up to 63 letters, digits and underscores, starting with a letter");
    }
}
