namespace Infra.Stacks.Validation;

/// <summary>
/// The keys of the default alarms (issue 5), as <c>infra:alarms</c> overrides name them. The alarm catalog defines
/// what each one measures; the validator takes its key set as a parameter and uses this list by default.
/// </summary>
public static class AlarmKeys
{
    // Per service.
    public const string TargetErrorRate = "targetErrorRate";
    public const string TargetResponseTimeP95 = "targetResponseTimeP95";
    public const string TargetResponseTimeP99 = "targetResponseTimeP99";
    public const string EcsMemoryHigh = "ecsMemoryHigh";
    public const string EcsCpuHigh = "ecsCpuHigh";
    public const string EcsRunningTasksLow = "ecsRunningTasksLow";

    // Per service and color: these gate rollouts.
    public const string ColorErrorRate = "colorErrorRate";
    public const string ColorResponseTimeP99 = "colorResponseTimeP99";
    public const string ColorUnhealthyHosts = "colorUnhealthyHosts";

    // Database.
    public const string DatabaseCpuHigh = "databaseCpuHigh";
    public const string DatabaseFreeStorageLow = "databaseFreeStorageLow";
    public const string DatabaseConnectionsHigh = "databaseConnectionsHigh";
    public const string DatabaseReplicaLag = "databaseReplicaLag";
    public const string DatabaseConnectionErrors = "databaseConnectionErrors";

    // Load balancer.
    public const string AlbRejectedConnections = "albRejectedConnections";
    public const string AlbElb5xx = "albElb5xx";

    // Per synthetic journey (infra:synthetics).
    public const string SyntheticSuccessPercent = "syntheticSuccessPercent";

    public static IReadOnlyList<string> Known { get; } =
    [
        TargetErrorRate, TargetResponseTimeP95, TargetResponseTimeP99,
        ColorErrorRate, ColorResponseTimeP99, ColorUnhealthyHosts,
        EcsMemoryHigh, EcsCpuHigh, EcsRunningTasksLow,
        DatabaseCpuHigh, DatabaseFreeStorageLow, DatabaseConnectionsHigh, DatabaseReplicaLag, DatabaseConnectionErrors,
        AlbRejectedConnections, AlbElb5xx,
        SyntheticSuccessPercent,
    ];
}
