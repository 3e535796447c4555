namespace Pulumi.Aws.Ec2
{
    /// <summary>Associates a route table with a subnet (or a gateway).</summary>
    [AwsResourceType("aws:ec2/routeTableAssociation:RouteTableAssociation")]
    public partial class RouteTableAssociation : global::Pulumi.CustomResource
    {
        [Output("gatewayId")]
        public Output<string?> GatewayId { get; private set; } = null!;

        [Output("routeTableId")]
        public Output<string> RouteTableId { get; private set; } = null!;

        [Output("subnetId")]
        public Output<string?> SubnetId { get; private set; } = null!;

        public RouteTableAssociation(string name, RouteTableAssociationArgs args, CustomResourceOptions? options = null)
            : base("aws:ec2/routeTableAssociation:RouteTableAssociation", name, args ?? new RouteTableAssociationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RouteTableAssociationArgs : global::Pulumi.ResourceArgs
    {
        [Input("gatewayId")]
        public Input<string>? GatewayId { get; set; }

        [Input("routeTableId", required: true)]
        public Input<string> RouteTableId { get; set; } = null!;

        [Input("subnetId")]
        public Input<string>? SubnetId { get; set; }
    }
}
