namespace Pulumi.Aws.Ec2.Inputs
{
    /// <summary>One inline route of a route table: a destination and exactly one target.</summary>
    public sealed class RouteTableRouteArgs : global::Pulumi.ResourceArgs
    {
        [Input("cidrBlock")]
        public Input<string>? CidrBlock { get; set; }

        [Input("egressOnlyGatewayId")]
        public Input<string>? EgressOnlyGatewayId { get; set; }

        [Input("gatewayId")]
        public Input<string>? GatewayId { get; set; }

        [Input("ipv6CidrBlock")]
        public Input<string>? Ipv6CidrBlock { get; set; }

        [Input("natGatewayId")]
        public Input<string>? NatGatewayId { get; set; }

        [Input("transitGatewayId")]
        public Input<string>? TransitGatewayId { get; set; }

        [Input("vpcEndpointId")]
        public Input<string>? VpcEndpointId { get; set; }

        [Input("vpcPeeringConnectionId")]
        public Input<string>? VpcPeeringConnectionId { get; set; }
    }
}
