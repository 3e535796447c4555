using System.Collections.Immutable;
using Infra.Components.Compute;
using Infra.Components.Network;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// The stack: turns validated settings into component resources per region and publishes what operators and
/// the runner need.
/// </summary>
public sealed class InfraStack : Stack
{
    [Output("environment")]
    public Output<string> Environment { get; private set; }

    [Output("region")]
    public Output<string> Region { get; private set; }

    [Output("drRegion")]
    public Output<string?> DrRegion { get; private set; }

    /// <summary>The production listener's address, e.g. <c>https://&lt;alb dns name&gt;</c>.</summary>
    [Output("url")]
    public Output<string> Url { get; private set; }

    /// <summary>The test listener's address (idle colors), e.g. <c>https://&lt;alb dns name&gt;:8443</c>.</summary>
    [Output("testUrl")]
    public Output<string> TestUrl { get; private set; }

    /// <summary>The load balancer's ARN suffix, the <c>LoadBalancer</c> dimension of its CloudWatch metrics.</summary>
    [Output("albArnSuffix")]
    public Output<string> AlbArnSuffix { get; private set; }

    [Output("clusterName")]
    public Output<string> ClusterName { get; private set; }

    /// <summary>Per service name: see <see cref="ServiceOutputEntry"/>.</summary>
    [Output("services")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, object>>> Services { get; private set; }

    public InfraStack(StackSettings settings, StackOptions? options = null) : base(options)
    {
        Environment = Output.Create(settings.Environment.ToConfigName());
        Region = Output.Create(settings.Region);
        DrRegion = Output.Create(settings.DrRegion);

        var network = new Network("net", new NetworkArgs { Settings = settings });
        var alb = new WeightedAlb("alb", new WeightedAlbArgs
        {
            Settings = settings,
            VpcId = network.VpcId,
            PublicSubnetIds = network.PublicSubnetIds,
            SecurityGroupId = network.LoadBalancerSecurityGroupId,
        });
        var cluster = new ServiceCluster("ecs", settings);
        var services = settings.Services.Select(service =>
        {
            var traffic = alb.Services[service.Name];
            var compute = new BlueGreenService(service.Name, new BlueGreenServiceArgs
            {
                Settings = settings,
                Service = service,
                ClusterArn = cluster.Arn,
                ClusterName = cluster.Name,
                TargetGroupArns = new ColorPair<Input<string>>(traffic.TargetGroups.Blue.Arn, traffic.TargetGroups.Green.Arn),
                PrivateSubnetIds = network.PrivateSubnetIds,
                TaskSecurityGroupId = network.TaskSecurityGroupId,
                TrafficRoutes = [traffic.WeightsCarrier],
            });
            return ServiceOutputEntry.For(service, traffic, compute, alb.TestUrl).Apply(entry => KeyValuePair.Create(service.Name, entry));
        }).ToList();

        Url = alb.Url;
        TestUrl = alb.TestUrl;
        AlbArnSuffix = alb.ArnSuffix;
        ClusterName = cluster.Name;
        Services = Output.All(services).Apply(entries => entries.ToImmutableDictionary());
    }
}
