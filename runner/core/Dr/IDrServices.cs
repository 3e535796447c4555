namespace Infra.Runner.Dr;

/// <summary>An ECS service's task counts.</summary>
public sealed record ServiceCounts(int Desired, int Running);

/// <summary>
/// What a service is scaled to: its desired task count and the range of its Application Auto Scaling target. The range
/// moves with the count, or autoscaling (which owns the desired count) would take it back to the old range.
/// </summary>
public sealed record ServiceCapacity(int Desired, int Min, int Max)
{
    /// <summary>No tasks, and autoscaling pinned to 0 so nothing starts one again.</summary>
    public static readonly ServiceCapacity Stopped = new(0, 0, 0);

    public override string ToString() => $"{Desired} (autoscaling {Min}..{Max})";
}

/// <summary>The ECS API and Application Auto Scaling, one region per call.</summary>
public interface IDrServices
{
    /// <summary>Registers the service's scalable target with the capacity's range, then sets its desired task count.</summary>
    Task ScaleAsync(string region, string cluster, string service, ServiceCapacity capacity, CancellationToken cancellationToken);

    /// <summary>Null when the cluster has no such active service.</summary>
    Task<ServiceCounts?> DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken);
}
