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
/// <c>infra:database.restoreTest</c>, read only by <c>drill --restore</c> (drill time; the program declares nothing for
/// it): restore the primary to <see cref="PointInTime"/>, or, when null (<c>latest</c>), to the moment the drill stops
/// writing its marker rows, into an instance of <see cref="InstanceClass"/>.
/// </summary>
/// <param name="InstanceClass">The restored instance's class. Default: the primary's (RDS's default for a restore).</param>
public sealed record RestoreTestSettings(DateTimeOffset? PointInTime, string? InstanceClass = null)
{
    /// <summary>Whether the drill picks the time itself (<c>latest</c>), so its markers measure the data the restore lost.</summary>
    public bool UseLatestRestorableTime => PointInTime is null;
}
