using Amazon;
using Amazon.ECS;
using Amazon.ECS.Model;
// Amazon.ECS.Model declares a Task (an ECS task) too.
using Task = System.Threading.Tasks.Task;
using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>ECS services of failover and fail-back, one client per region; every call bounded by <paramref name="callTimeout"/>.</summary>
public sealed class EcsDrServices(Func<string, AmazonECSClient> clientForRegion, TimeSpan callTimeout) : IDrServices
{
    public static AmazonECSClient ClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    public Task ScaleAsync(string region, string cluster, string service, int count, CancellationToken cancellationToken) =>
        clientForRegion(region).UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = service, DesiredCount = count }, cancellationToken)
            .WaitAsync(callTimeout, cancellationToken);

    /// <summary>ECS answers a missing service with a MISSING failure (HTTP 200) and keeps INACTIVE ones listed: both are "no such active service".</summary>
    public async Task<ServiceCounts?> DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken)
    {
        var response = await clientForRegion(region).DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken)
            .WaitAsync(callTimeout, cancellationToken);
        var found = response.Services?.FirstOrDefault(s => s.ServiceName == service && s.Status == "ACTIVE");
        return found is null ? null : new ServiceCounts(found.DesiredCount ?? 0, found.RunningCount ?? 0);
    }
}
