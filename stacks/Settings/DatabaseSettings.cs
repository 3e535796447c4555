namespace Infra.Stacks.Settings;

/// <summary><c>infra:database</c>: the primary PostgreSQL instance.</summary>
/// <param name="EngineVersion">A major version (minor upgrades automatic) or a full one (pinned). Default 16.</param>
/// <param name="InstanceClass">Default staging db.t4g.medium, production db.r6g.large.</param>
/// <param name="AllocatedStorageGb">Default staging 20, production 100.</param>
/// <param name="MaxAllocatedStorageGb">Storage autoscaling ceiling. Default staging 100, production 500.</param>
/// <param name="MultiAz">Default staging false, production true.</param>
/// <param name="BackupRetentionDays">Point-in-time recovery window, 1–35. Default staging 7, production 14.</param>
/// <param name="BackupWindow">Daily, UTC, <c>hh:mm-hh:mm</c>. Default 02:00-03:00.</param>
/// <param name="MaintenanceWindow">Weekly, UTC, <c>ddd:hh:mm-ddd:hh:mm</c>. Default sun:04:00-sun:05:00.</param>
/// <param name="Name">Database name. Default app.</param>
/// <param name="Username">Master user name. Default app_admin.</param>
/// <param name="RestoreTest">
/// What a restore drill restores; the program declares nothing for it (the drill creates its instance through the RDS
/// API and deletes it afterwards). Null when not set.
/// </param>
public sealed record DatabaseSettings(
    string EngineVersion,
    string InstanceClass,
    int AllocatedStorageGb,
    int MaxAllocatedStorageGb,
    bool MultiAz,
    int BackupRetentionDays,
    string BackupWindow,
    string MaintenanceWindow,
    string Name,
    string Username,
    RestoreTestSettings? RestoreTest);

/// <summary>
/// <c>infra:database.restoreTest</c>, read by a restore drill: restore the primary to <see cref="PointInTime"/>, or to
/// the latest restorable time when null.
/// </summary>
public sealed record RestoreTestSettings(DateTimeOffset? PointInTime)
{
    public bool UseLatestRestorableTime => PointInTime is null;
}
