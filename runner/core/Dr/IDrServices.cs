namespace Infra.Runner.Dr;

/// <summary>An ECS service's task counts.</summary>
public sealed record ServiceCounts(int Desired, int Running);

/// <summary>The ECS API, one region per call.</summary>
public interface IDrServices
{
    /// <summary>Sets the service's desired task count.</summary>
    Task ScaleAsync(string region, string cluster, string service, int count, CancellationToken cancellationToken);

    /// <summary>Null when the cluster has no such active service.</summary>
    Task<ServiceCounts?> DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken);
}
