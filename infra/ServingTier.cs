using Infra.Components.Compute;
using Infra.Components.Network;
using Infra.Components.Observability;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// What serves traffic in one region, on that region's network: the weighted load balancer, the ECS cluster and a
/// blue/green service per service setting. Declared once for the primary region and, for a pilot light, once more in
/// the DR region under a name prefix and the DR provider.
/// </summary>
public sealed class ServingTier
{
    public required WeightedAlb Alb { get; init; }
    public required ServiceCluster Cluster { get; init; }
    public required IReadOnlyList<ServedService> Services { get; init; }

    /// <param name="prefix">Prepended to component names: empty in the primary region, <c>dr-</c> in the DR region.</param>
    /// <param name="previewHeaderValue">The stack's preview header value (<see cref="PreviewSecret.Value"/>).</param>
    /// <param name="logsKey">The region's log-group key; its account is the one the access logs are written under.</param>
    /// <param name="region">The region the tier runs in, for log delivery. Default: the stack's.</param>
    public static ServingTier Declare(string prefix, StackSettings settings, Network network, Input<string> databaseAddress,
        Input<string> previewHeaderValue, LogsKey logsKey, string? region = null, ComponentResourceOptions? options = null)
    {
        ComponentResourceOptions Options() => ComponentResourceOptions.Merge(options, null);
        var accessLogs = settings.LoadBalancer.AccessLogs.Enabled
            ? new AccessLogBucket($"{prefix}alb-access-logs", settings, region ?? settings.Region, logsKey.AccountId, Options())
            : null;
        var alb = new WeightedAlb($"{prefix}alb", new WeightedAlbArgs
        {
            Settings = settings,
            VpcId = network.VpcId,
            PublicSubnetIds = network.PublicSubnetIds,
            SecurityGroupId = network.LoadBalancerSecurityGroupId,
            PreviewHeaderValue = previewHeaderValue,
            AccessLogBucketName = accessLogs is null ? null : (Input<string>)accessLogs.BucketName,
        }, Options());
        var cluster = new ServiceCluster($"{prefix}ecs", settings, Options());
        var services = settings.Services.Select(service =>
        {
            var traffic = alb.Services[service.Name];
            var compute = new BlueGreenService($"{prefix}{service.Name}", new BlueGreenServiceArgs
            {
                Settings = settings,
                Service = service,
                ClusterArn = cluster.Arn,
                ClusterName = cluster.Name,
                TargetGroupArns = new ColorPair<Input<string>>(traffic.TargetGroups.Blue.Arn, traffic.TargetGroups.Green.Arn),
                PrivateSubnetIds = network.PrivateSubnetIds,
                TaskSecurityGroupId = network.TaskSecurityGroupId,
                TrafficRoutes = [traffic.WeightsCarrier],
                DatabaseAddress = databaseAddress,
                Region = region,
                LogsKmsKeyArn = logsKey.Arn,
            }, Options());
            return new ServedService(service, traffic, compute);
        }).ToList();
        return new ServingTier { Alb = alb, Cluster = cluster, Services = services };
    }
}

/// <summary>One service as a tier serves it: its settings, its routes on the load balancer and its ECS services.</summary>
public sealed record ServedService(ServiceSettings Settings, ServiceTraffic Traffic, BlueGreenService Compute);
