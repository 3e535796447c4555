using Infra.Components.Network;
using Infra.Stacks.Settings;
using Infra.Tests.Components.Traffic;
using Infra.Tests.Support;
using Pulumi.Utilities;
using NetworkComponent = Infra.Components.Network.Network;

namespace Infra.Tests.Components.Network;

public sealed class NetworkTests
{
    private const string Vpc = "aws:ec2/vpc:Vpc";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string Nat = "aws:ec2/natGateway:NatGateway";
    private const string Route = "aws:ec2/route:Route";
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";

    private static Task<ComponentPlan> PlanAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => new NetworkComponent("net", new NetworkArgs { Settings = settings }), settings.StackName);

    [Fact]
    public async Task Production_spans_three_zones_with_a_nat_gateway_per_zone()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        Assert.Equal("10.20.0.0/16", (string)plan.Inputs(Vpc, "net-vpc")["cidrBlock"]!);
        var privateB = plan.Inputs(Subnet, "net-private-b");
        Assert.Equal(("eu-west-1b", "10.20.16.0/20"), ((string)privateB["availabilityZone"]!, (string)privateB["cidrBlock"]!));
        Assert.Equal("10.20.160.0/20", (string)plan.Inputs(Subnet, "net-public-c")["cidrBlock"]!);
        Assert.Equal(["net-nat-a", "net-nat-b", "net-nat-c"], plan.OfType(Nat).Select(n => (string)n["name"]!));
        Assert.Equal(ComponentPlan.Token(Nat, "net-nat-c", "id"), (string)plan.Inputs(Route, "net-private-c-default-route")["natGatewayId"]!);
        Assert.Equal(ComponentPlan.Token(Subnet, "net-public-c", "id"), (string)plan.Inputs(Nat, "net-nat-c")["subnetId"]!);
    }

    [Fact]
    public async Task Staging_shares_one_nat_gateway_and_has_no_flow_logs()
    {
        var plan = await PlanAsync(TrafficStacks.Staging);

        Assert.Equal(["net-nat-a"], plan.OfType(Nat).Select(n => (string)n["name"]!));
        Assert.Equal(ComponentPlan.Token(Nat, "net-nat-a", "id"), (string)plan.Inputs(Route, "net-private-b-default-route")["natGatewayId"]!);
        Assert.Empty(plan.OfType(FlowLog));
    }

    [Fact]
    public async Task The_public_route_table_goes_to_the_internet_gateway_and_no_subnet_hands_out_public_ips()
    {
        var plan = await PlanAsync(TrafficStacks.Staging);

        var route = plan.Inputs(Route, "net-public-default-route");
        Assert.Equal(ComponentPlan.Token("aws:ec2/internetGateway:InternetGateway", "net-igw", "id"), (string)route["gatewayId"]!);
        Assert.Equal("0.0.0.0/0", (string)route["destinationCidrBlock"]!);
        Assert.All(plan.OfType(Subnet), s => Assert.False((bool)s["inputs"]!["mapPublicIpOnLaunch"]!));
    }

    [Fact]
    public async Task Production_flow_logs_capture_all_traffic_into_their_log_group_through_their_role()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        var flowLog = plan.Inputs(FlowLog, "net-flow-log");
        Assert.Equal("ALL", (string)flowLog["trafficType"]!);
        Assert.Equal(ComponentPlan.Token(Vpc, "net-vpc", "id"), (string)flowLog["vpcId"]!);
        Assert.Equal(ComponentPlan.Token("aws:cloudwatch/logGroup:LogGroup", "net-flow-logs", "arn"), (string)flowLog["logDestination"]!);
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "net-flow-logs-role", "arn"), (string)flowLog["iamRoleArn"]!);
    }

    [Fact]
    public async Task The_security_groups_are_chained_by_group_references()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        var lbGroup = ComponentPlan.Token(SecurityGroup, "net-lb-sg", "id");
        var tasksGroup = ComponentPlan.Token(SecurityGroup, "net-tasks-sg", "id");
        var web = plan.Inputs(Ingress, "net-tasks-from-lb-8080");
        Assert.Equal((tasksGroup, lbGroup, 8080L), ((string)web["securityGroupId"]!, (string)web["referencedSecurityGroupId"]!, (long)web["fromPort"]!));
        Assert.Equal(9000L, (long)plan.Inputs(Ingress, "net-tasks-from-lb-9000")["toPort"]!);
        var database = plan.Inputs(Ingress, "net-db-from-tasks-5432");
        Assert.Equal(ComponentPlan.Token(SecurityGroup, "net-db-sg", "id"), (string)database["securityGroupId"]!);
        Assert.Equal(tasksGroup, (string)database["referencedSecurityGroupId"]!);
        Assert.Null(database["cidrIpv4"]);
    }

    [Fact]
    public async Task Only_the_load_balancer_group_accepts_the_internet()
    {
        var plan = await PlanAsync(TrafficStacks.Production);

        var open = plan.OfType(Ingress).Where(r => (string?)r["inputs"]!["cidrIpv4"] == "0.0.0.0/0").ToList();
        Assert.Equal(["net-lb-http", "net-lb-https"], open.Select(r => (string)r["name"]!).Order());
        Assert.All(open, r => Assert.Equal(ComponentPlan.Token(SecurityGroup, "net-lb-sg", "id"), (string)r["inputs"]!["securityGroupId"]!));
        Assert.Equal("10.0.0.0/8", (string)plan.Inputs(Ingress, "net-lb-test-0")["cidrIpv4"]!);
        Assert.Equal(8443L, (long)plan.Inputs(Ingress, "net-lb-test-0")["fromPort"]!);
    }

    [Fact]
    public async Task Adopt_mode_declares_no_vpc_and_puts_the_groups_in_the_existing_vpc()
    {
        var settings = TrafficStacks.StagingWith([
            "infra:network:",
            "  existingVpcId: vpc-0abc",
            "  existingPublicSubnetIds: [subnet-pub-a, subnet-pub-b]",
            "  existingPrivateSubnetIds: [subnet-priv-a, subnet-priv-b]",
            .. TrafficStacks.WebService()]);

        NetworkComponent? network = null;
        var plan = await ComponentPlan.RunAsync(() => network = new NetworkComponent("net", new NetworkArgs { Settings = settings }));

        Assert.Equal(new[] { "subnet-priv-a", "subnet-priv-b" }, (await OutputUtilities.GetValueAsync(network!.PrivateSubnetIds)).ToArray());
        Assert.Equal("vpc-0abc", await OutputUtilities.GetValueAsync(network.VpcId));
        Assert.Empty(plan.OfType(Vpc));
        Assert.Empty(plan.OfType(Subnet));
        Assert.Empty(plan.OfType(Nat));
        Assert.All(plan.OfType(SecurityGroup), g => Assert.Equal("vpc-0abc", (string)g["inputs"]!["vpcId"]!));
    }

    [Fact]
    public async Task Every_child_is_parented_to_the_component_and_tagged_with_its_name()
    {
        var plan = await PlanAsync(TrafficStacks.Production);
        var component = plan.Urn(NetworkComponent.TypeToken, "net");

        var children = plan.Resources.Where(r => (bool)r["custom"]!).ToList();
        Assert.All(children, r => Assert.Equal(component, (string)r["parent"]!));
        var vpcTags = plan.Inputs(Vpc, "net-vpc")["tags"]!;
        Assert.Equal(("net-vpc", "production", "pulumi"), ((string)vpcTags["Name"]!, (string)vpcTags["Environment"]!, (string)vpcTags["ManagedBy"]!));
    }
}
