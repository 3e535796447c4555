using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Rds;

namespace Infra.Components.Data;

/// <summary>
/// The instance arguments the primary and the cross-region replica share, so a promoted replica runs with the
/// primary's storage, backups, windows, encryption, logs and monitoring.
/// </summary>
internal static class ServingInstanceArgs
{
    /// <param name="identifier">The physical identifier, also the Name tag.</param>
    /// <param name="regional">The key, subnet group and parameter group of the instance's own region.</param>
    /// <param name="monitoringRoleArn">IAM is global: one enhanced-monitoring role serves both regions.</param>
    public static InstanceArgs Create(
        string identifier,
        StackSettings settings,
        RegionalDatabaseResources regional,
        Input<string> securityGroupId,
        Input<string> monitoringRoleArn)
    {
        var db = settings.Database;
        return new InstanceArgs
        {
            Identifier = identifier,
            InstanceClass = db.InstanceClass,
            StorageType = StorageType.GP3,
            MaxAllocatedStorage = db.MaxAllocatedStorageGb,
            StorageEncrypted = true,
            KmsKeyId = regional.Key.Arn,
            MultiAz = db.MultiAz,
            // The replica keeps its own retention too, so that once promoted it has point-in-time recovery at once.
            BackupRetentionPeriod = db.BackupRetentionDays,
            BackupWindow = db.BackupWindow,
            MaintenanceWindow = db.MaintenanceWindow,
            // A major version (16) lets RDS apply minor upgrades in the maintenance window; a full one (16.4) is a pin,
            // and automatic upgrades would make every later `up` try to downgrade.
            AutoMinorVersionUpgrade = PostgresEngine.IsMajorOnly(db.EngineVersion),
            CopyTagsToSnapshot = true,
            DbSubnetGroupName = regional.SubnetGroup.Name,
            VpcSecurityGroupIds = { securityGroupId },
            ParameterGroupName = regional.ParameterGroup.Name,
            PubliclyAccessible = false,
            EnabledCloudwatchLogsExports = PostgresEngine.LogExports.ToList(),
            PerformanceInsightsEnabled = true,
            PerformanceInsightsKmsKeyId = regional.Key.Arn,
            PerformanceInsightsRetentionPeriod = 7, // the free tier
            MonitoringInterval = EnhancedMonitoring.IntervalSeconds,
            MonitoringRoleArn = monitoringRoleArn,
            DeletionProtection = settings.IsProduction,
            Tags = StackConventions.Tags(settings, identifier),
        };
    }

    /// <summary>
    /// With a <paramref name="suffix"/>, deleting the instance first takes the snapshot
    /// <c>{identifier}-final-{suffix}</c>; the suffix keeps it from colliding with an earlier one of the same name.
    /// Without, no final snapshot is taken.
    /// </summary>
    public static void SetFinalSnapshot(InstanceArgs args, string identifier, Input<string>? suffix)
    {
        args.SkipFinalSnapshot = suffix is null;
        if (suffix is not null) args.FinalSnapshotIdentifier = Output.Format($"{identifier}-final-{suffix}");
    }
}
