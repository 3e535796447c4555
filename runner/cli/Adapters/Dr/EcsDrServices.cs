using Amazon;
using Amazon.ApplicationAutoScaling;
using Amazon.ApplicationAutoScaling.Model;
using Amazon.ECS;
using Amazon.ECS.Model;
// Amazon.ECS.Model declares a Task (an ECS task) too.
using Task = System.Threading.Tasks.Task;
using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// ECS services of failover and fail-back, one client per region; every call bounded by <paramref name="callLimit"/>.
/// Scaling moves the service's Application Auto Scaling target first (the program declares one per color, which owns
/// the desired count): a desired count outside the target's range would be taken back by autoscaling.
/// </summary>
public sealed class EcsDrServices(
    Func<string, AmazonECSClient> clientForRegion, SdkCallLimit callLimit, Func<string, AmazonApplicationAutoScalingClient>? scalingClientForRegion = null) : IDrServices
{
    private readonly Func<string, AmazonApplicationAutoScalingClient> _scalingClientForRegion = scalingClientForRegion ?? ScalingClientFor;

    public static AmazonECSClient ClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    public static AmazonApplicationAutoScalingClient ScalingClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    /// <summary>RegisterScalableTarget updates the range of a target that exists (and creates one that does not), then UpdateService sets the count.</summary>
    public async Task ScaleAsync(string region, string cluster, string service, ServiceCapacity capacity, CancellationToken cancellationToken)
    {
        await callLimit.RunAsync(t => _scalingClientForRegion(region).RegisterScalableTargetAsync(new RegisterScalableTargetRequest
        {
            ServiceNamespace = ServiceNamespace.Ecs,
            ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            ResourceId = $"service/{cluster}/{service}",
            MinCapacity = capacity.Min,
            MaxCapacity = capacity.Max,
        }, t), cancellationToken);
        await callLimit.RunAsync(
            t => clientForRegion(region).UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = service, DesiredCount = capacity.Desired }, t), cancellationToken);
    }

    /// <summary>ECS answers a missing service with a MISSING failure (HTTP 200) and keeps INACTIVE ones listed: both are "no such active service".</summary>
    public async Task<ServiceCounts?> DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken)
    {
        var response = await callLimit.RunAsync(
            t => clientForRegion(region).DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, t), cancellationToken);
        var found = response.Services?.FirstOrDefault(s => s.ServiceName == service && s.Status == "ACTIVE");
        return found is null ? null : new ServiceCounts(found.DesiredCount ?? 0, found.RunningCount ?? 0);
    }
}
