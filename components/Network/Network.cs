using System.Collections.Immutable;
using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra.Components.Network;

/// <summary>
/// The VPC a stack runs in: public and private subnets per availability zone, an internet gateway, NAT (one shared
/// or one per zone), route tables, the chained security groups and, where settings ask, flow logs. In adopt mode
/// it uses an existing VPC and subnets and declares only the security groups (and flow logs).
/// </summary>
public sealed class Network : ComponentResource
{
    public const string TypeToken = "infra:network:Network";

    public Output<string> VpcId { get; }
    public Output<ImmutableArray<string>> PublicSubnetIds { get; }
    public Output<ImmutableArray<string>> PrivateSubnetIds { get; }
    public Output<string> LoadBalancerSecurityGroupId { get; }
    public Output<string> TaskSecurityGroupId { get; }
    public Output<string> DatabaseSecurityGroupId { get; }

    public Network(string name, NetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var settings = args.Settings;
        var network = settings.Network;
        if (network.AdoptsExistingVpc)
        {
            VpcId = Output.Create(network.ExistingVpcId!);
            PublicSubnetIds = Output.Create(network.ExistingPublicSubnetIds.ToImmutableArray());
            PrivateSubnetIds = Output.Create(network.ExistingPrivateSubnetIds.ToImmutableArray());
        }
        else
        {
            var zones = SubnetLayout.For(network.Cidr, args.EffectiveRegion, network.AzCount);
            var vpc = new Vpc($"{name}-vpc", new VpcArgs
            {
                CidrBlock = network.Cidr,
                EnableDnsHostnames = true,
                EnableDnsSupport = true,
                Tags = StackConventions.Tags(settings, $"{name}-vpc"),
            }, new CustomResourceOptions { Parent = this });
            VpcId = vpc.Id;
            var publicSubnets = DeclarePublicSide(name, settings, vpc, zones);
            var natGateways = DeclareNatGateways(name, settings, zones, publicSubnets);
            var privateSubnets = DeclarePrivateSide(name, settings, vpc, zones, natGateways);
            PublicSubnetIds = Output.All(publicSubnets.Select(s => s.Id));
            PrivateSubnetIds = Output.All(privateSubnets.Select(s => s.Id));
        }

        var groups = NetworkSecurityGroups.Declare(this, name, settings, VpcId, args.DatabasePort);
        LoadBalancerSecurityGroupId = groups[SecurityGroupRole.LoadBalancer].Id;
        TaskSecurityGroupId = groups[SecurityGroupRole.Tasks].Id;
        DatabaseSecurityGroupId = groups[SecurityGroupRole.Database].Id;

        if (network.FlowLogs) VpcFlowLogs.Declare(this, name, settings, VpcId, args.LogsKmsKeyArn);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["privateSubnetIds"] = PrivateSubnetIds,
            ["loadBalancerSecurityGroupId"] = LoadBalancerSecurityGroupId,
            ["taskSecurityGroupId"] = TaskSecurityGroupId,
            ["databaseSecurityGroupId"] = DatabaseSecurityGroupId,
        });
    }

    private List<Subnet> DeclarePublicSide(string name, StackSettings settings, Vpc vpc, IReadOnlyList<ZoneSubnets> zones)
    {
        var gateway = new InternetGateway($"{name}-igw", new InternetGatewayArgs
        {
            VpcId = vpc.Id,
            Tags = StackConventions.Tags(settings, $"{name}-igw"),
        }, Child());
        var table = new RouteTable($"{name}-public-rt", new RouteTableArgs
        {
            VpcId = vpc.Id,
            Tags = StackConventions.Tags(settings, $"{name}-public-rt"),
        }, Child());
        _ = new Route($"{name}-public-default-route", new RouteArgs
        {
            RouteTableId = table.Id,
            DestinationCidrBlock = SecurityGroupRules.Internet,
            GatewayId = gateway.Id,
        }, Child());

        return zones.Select(zone =>
        {
            var subnetName = $"{name}-public-{Suffix(zone)}";
            var subnet = DeclareSubnet(subnetName, settings, vpc, zone.AvailabilityZone, zone.PublicCidr);
            Associate(subnetName, subnet, table);
            return subnet;
        }).ToList();
    }

    // One NAT gateway in the first zone, or one per zone so a zone outage leaves the others their egress.
    private List<NatGateway> DeclareNatGateways(string name, StackSettings settings, IReadOnlyList<ZoneSubnets> zones, List<Subnet> publicSubnets)
    {
        var count = settings.Network.NatGateways == NatGatewayMode.PerAz ? zones.Count : 1;
        return Enumerable.Range(0, count).Select(i =>
        {
            var natName = $"{name}-nat-{Suffix(zones[i])}";
            var address = new Eip($"{natName}-eip", new EipArgs
            {
                Domain = "vpc",
                Tags = StackConventions.Tags(settings, $"{natName}-eip"),
            }, Child());
            return new NatGateway(natName, new NatGatewayArgs
            {
                AllocationId = address.AllocationId,
                SubnetId = publicSubnets[i].Id,
                Tags = StackConventions.Tags(settings, natName),
            }, Child());
        }).ToList();
    }

    private List<Subnet> DeclarePrivateSide(string name, StackSettings settings, Vpc vpc, IReadOnlyList<ZoneSubnets> zones, List<NatGateway> natGateways) =>
        zones.Select((zone, i) =>
        {
            var subnetName = $"{name}-private-{Suffix(zone)}";
            var subnet = DeclareSubnet(subnetName, settings, vpc, zone.AvailabilityZone, zone.PrivateCidr);
            var table = new RouteTable($"{subnetName}-rt", new RouteTableArgs
            {
                VpcId = vpc.Id,
                Tags = StackConventions.Tags(settings, $"{subnetName}-rt"),
            }, Child());
            _ = new Route($"{subnetName}-default-route", new RouteArgs
            {
                RouteTableId = table.Id,
                DestinationCidrBlock = SecurityGroupRules.Internet,
                NatGatewayId = natGateways[Math.Min(i, natGateways.Count - 1)].Id,
            }, Child());
            Associate(subnetName, subnet, table);
            return subnet;
        }).ToList();

    private Subnet DeclareSubnet(string subnetName, StackSettings settings, Vpc vpc, string zone, string cidr) =>
        new(subnetName, new SubnetArgs
        {
            VpcId = vpc.Id,
            AvailabilityZone = zone,
            CidrBlock = cidr,
            // Nothing we run gets a public address by accident; the load balancer and NAT bring their own.
            MapPublicIpOnLaunch = false,
            Tags = StackConventions.Tags(settings, subnetName),
        }, Child());

    private void Associate(string subnetName, Subnet subnet, RouteTable table) =>
        _ = new RouteTableAssociation($"{subnetName}-rta", new RouteTableAssociationArgs
        {
            SubnetId = subnet.Id,
            RouteTableId = table.Id,
        }, Child());

    private static string Suffix(ZoneSubnets zone) => zone.AvailabilityZone[^1..];

    private CustomResourceOptions Child() => new() { Parent = this };
}
