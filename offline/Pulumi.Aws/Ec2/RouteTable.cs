using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>A route table, with its routes declared inline.</summary>
    [AwsResourceType("aws:ec2/routeTable:RouteTable")]
    public partial class RouteTable : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("vpcId")]
        public Output<string> VpcId { get; private set; } = null!;

        public RouteTable(string name, RouteTableArgs args, CustomResourceOptions? options = null)
            : base("aws:ec2/routeTable:RouteTable", name, args ?? new RouteTableArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RouteTableArgs : global::Pulumi.ResourceArgs
    {
        [Input("routes")]
        private InputList<Inputs.RouteTableRouteArgs>? _routes;

        public InputList<Inputs.RouteTableRouteArgs> Routes
        {
            get => _routes ?? (_routes = new InputList<Inputs.RouteTableRouteArgs>());
            set => _routes = value;
        }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("vpcId", required: true)]
        public Input<string> VpcId { get; set; } = null!;
    }
}
