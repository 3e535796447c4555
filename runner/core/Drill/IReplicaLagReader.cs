namespace Infra.Runner.Drill;

/// <summary>The window a replica's lag is read over, in the region the replica lives in.</summary>
public sealed record ReplicaLagQuery(string Region, string ReplicaIdentifier, DateTimeOffset From, DateTimeOffset To);

/// <summary>The largest per-minute maximum of the replica's lag in the window, and how many data points it came from.</summary>
public sealed record ReplicaLagReading(double MaxSeconds, int DataPoints);

/// <summary>Reads RDS's <c>ReplicaLag</c> metric (CloudWatch, the Maximum per 60 s period) of one replica.</summary>
public interface IReplicaLagReader
{
    /// <summary>Null when CloudWatch has no data point in the window.</summary>
    Task<ReplicaLagReading?> ReadMaxAsync(ReplicaLagQuery query, CancellationToken cancellationToken);
}
