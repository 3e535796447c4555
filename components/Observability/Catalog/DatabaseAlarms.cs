using System.Globalization;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>The default alarms of the database, and the log metric that counts the services' connection failures.</summary>
public static class DatabaseAlarms
{
    private const int Minute = 60;
    private const long GiB = 1L << 30;

    /// <summary>Matches common PostgreSQL client connection failures in application logs.</summary>
    public const string DefaultConnectionErrorPattern =
        "?\"could not connect\" ?\"connection refused\" ?\"too many connections\" ?\"password authentication failed\"";

    public const string ConnectionErrorsMetric = "DatabaseConnectionErrors";

    /// <summary>The custom metric namespace of a stack, <c>Infra/&lt;stack&gt;</c>.</summary>
    public static string CustomNamespace(StackSettings settings) => $"Infra/{settings.StackName}";

    /// <summary>A replica that still replicates: promoted, it is a standalone writer without replica lag.</summary>
    public static bool WatchesReplica(StackSettings settings) => settings.Dr is { Replica: true, Promote: false };

    public static LogMetricDefinition ConnectionErrorsLogMetric(StackSettings settings, string? pattern) =>
        new(AlarmKeys.DatabaseConnectionErrors, pattern ?? DefaultConnectionErrorPattern, CustomNamespace(settings), ConnectionErrorsMetric);

    /// <param name="connectionsThreshold">
    /// The threshold of the connections alarm when a stack overrides it; without one it is 80% of the class's limit.
    /// </param>
    /// <param name="instance">
    /// Whose metrics the alarms read: the primary's, or (<see cref="DatabaseRole.Replica"/>) the DR region's instance once
    /// it is promoted and takes the writes, which then has no replica lag. Default: the primary.
    /// </param>
    public static IEnumerable<AlarmDefinition> For(StackSettings settings, Naming naming, double? connectionsThreshold, DatabaseRole instance = DatabaseRole.Primary)
    {
        var database = settings.Database;
        yield return new AlarmDefinition(AlarmKeys.DatabaseCpuHigh, naming.AlarmName(null, null, "db-cpu-high"), null, null,
            new SingleMetric(Metrics.Database("CPUUtilization", instance, "Average")),
            Minute, 10, 10, 80, Comparison.GreaterThanThreshold, MissingData.Missing, Severity.Medium, false,
            "Database CPU above 80% for 10 minutes. Look for expensive queries in Performance Insights, or move to a larger class.");

        var allocatedBytes = (database.AllocatedStorageGb * GiB).ToString(CultureInfo.InvariantCulture);
        yield return new AlarmDefinition(AlarmKeys.DatabaseFreeStorageLow, naming.AlarmName(null, null, "db-free-storage-low"), null, null,
            new MetricMath("free_percent", $"100 * free / {allocatedBytes}", "free storage (% of allocated)",
                ValueList.Of(new MetricInput("free", Metrics.Database("FreeStorageSpace", instance, "Minimum")))),
            5 * Minute, 1, 1, 10, Comparison.LessThanThreshold, MissingData.Missing, Severity.High, false,
            $"Database free storage below 10% of the {database.AllocatedStorageGb} GB allocated. Check storage autoscaling " +
            "reached maxAllocatedStorageGb, then raise it or clean up data.");

        yield return new AlarmDefinition(AlarmKeys.DatabaseConnectionsHigh, naming.AlarmName(null, null, "db-connections-high"), null, null,
            new SingleMetric(Metrics.Database("DatabaseConnections", instance, "Maximum")),
            Minute, 5, 5, connectionsThreshold ?? DefaultConnectionsThreshold(database.InstanceClass),
            Comparison.GreaterThanOrEqualToThreshold, MissingData.Missing, Severity.Medium, false,
            $"Database connections near the {database.InstanceClass} limit. Check connection pool sizes per task times the task count.");

        if (instance == DatabaseRole.Primary && WatchesReplica(settings))
        {
            yield return new AlarmDefinition(AlarmKeys.DatabaseReplicaLag, naming.AlarmName(null, null, "db-replica-lag"), null, null,
                new SingleMetric(Metrics.Database("ReplicaLag", DatabaseRole.Replica, "Maximum")),
                Minute, 5, 5, 300, Comparison.GreaterThanThreshold, MissingData.Missing, Severity.High, false,
                "Cross-region replica more than 5 minutes behind: a failover now would lose that much data. Check the replica's " +
                "health and the primary's write load.", AlarmRegion.Dr);
        }

        yield return new AlarmDefinition(AlarmKeys.DatabaseConnectionErrors, naming.AlarmName(null, null, "db-connection-errors"), null, null,
            new SingleMetric(new MetricStat(CustomNamespace(settings), ConnectionErrorsMetric, ValueList<Dimension>.Empty, "Sum")),
            Minute, 2, 2, 0, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.Critical, false,
            "Services log database connection failures. Check the database is available (events, failover), the security " +
            "groups, and the credentials in Secrets Manager.");
    }

    private static double DefaultConnectionsThreshold(string instanceClass) =>
        PostgresConnectionLimit.For(instanceClass) is { } limit
            ? Math.Floor(0.8 * limit)
            : throw new ArgumentException(
                $"the connection limit of database instance class '{instanceClass}' is not known; set " +
                $"infra:alarms.{AlarmKeys.DatabaseConnectionsHigh}.threshold", "settings");
}
