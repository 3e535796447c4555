using System.Globalization;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Rds.Inputs;

namespace Infra.Components.Data;

/// <summary>Translates <c>infra:database.restoreTest</c> into the instance's <c>restoreToPointInTime</c> block.</summary>
public static class RestorePoint
{
    /// <summary>Restore from <paramref name="sourceIdentifier"/> to the given time, or to the latest restorable time.</summary>
    public static InstanceRestoreToPointInTimeArgs For(RestoreTestSettings restoreTest, Input<string> sourceIdentifier) =>
        restoreTest.PointInTime is { } pointInTime
            ? new InstanceRestoreToPointInTimeArgs { SourceDbInstanceIdentifier = sourceIdentifier, RestoreTime = Format(pointInTime) }
            : new InstanceRestoreToPointInTimeArgs { SourceDbInstanceIdentifier = sourceIdentifier, UseLatestRestorableTime = true };

    /// <summary>RDS takes the restore time in UTC, as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Format(DateTimeOffset pointInTime) =>
        pointInTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
