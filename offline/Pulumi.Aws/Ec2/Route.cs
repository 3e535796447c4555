namespace Pulumi.Aws.Ec2
{
    /// <summary>A single route added to a route table.</summary>
    [AwsResourceType("aws:ec2/route:Route")]
    public partial class Route : global::Pulumi.CustomResource
    {
        [Output("destinationCidrBlock")]
        public Output<string?> DestinationCidrBlock { get; private set; } = null!;

        [Output("gatewayId")]
        public Output<string?> GatewayId { get; private set; } = null!;

        [Output("natGatewayId")]
        public Output<string?> NatGatewayId { get; private set; } = null!;

        [Output("routeTableId")]
        public Output<string> RouteTableId { get; private set; } = null!;

        [Output("state")]
        public Output<string> State { get; private set; } = null!;

        public Route(string name, RouteArgs args, CustomResourceOptions? options = null)
            : base("aws:ec2/route:Route", name, args ?? new RouteArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RouteArgs : global::Pulumi.ResourceArgs
    {
        [Input("destinationCidrBlock")]
        public Input<string>? DestinationCidrBlock { get; set; }

        [Input("destinationIpv6CidrBlock")]
        public Input<string>? DestinationIpv6CidrBlock { get; set; }

        [Input("egressOnlyGatewayId")]
        public Input<string>? EgressOnlyGatewayId { get; set; }

        [Input("gatewayId")]
        public Input<string>? GatewayId { get; set; }

        [Input("natGatewayId")]
        public Input<string>? NatGatewayId { get; set; }

        [Input("routeTableId", required: true)]
        public Input<string> RouteTableId { get; set; } = null!;

        [Input("transitGatewayId")]
        public Input<string>? TransitGatewayId { get; set; }

        [Input("vpcEndpointId")]
        public Input<string>? VpcEndpointId { get; set; }

        [Input("vpcPeeringConnectionId")]
        public Input<string>? VpcPeeringConnectionId { get; set; }
    }
}
