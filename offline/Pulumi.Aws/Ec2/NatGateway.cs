using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>A NAT gateway giving private subnets outbound access.</summary>
    [AwsResourceType("aws:ec2/natGateway:NatGateway")]
    public partial class NatGateway : global::Pulumi.CustomResource
    {
        [Output("allocationId")]
        public Output<string?> AllocationId { get; private set; } = null!;

        [Output("connectivityType")]
        public Output<string?> ConnectivityType { get; private set; } = null!;

        [Output("privateIp")]
        public Output<string> PrivateIp { get; private set; } = null!;

        [Output("publicIp")]
        public Output<string> PublicIp { get; private set; } = null!;

        [Output("subnetId")]
        public Output<string?> SubnetId { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public NatGateway(string name, NatGatewayArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/natGateway:NatGateway", name, args ?? new NatGatewayArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class NatGatewayArgs : global::Pulumi.ResourceArgs
    {
        [Input("allocationId")]
        public Input<string>? AllocationId { get; set; }

        [Input("connectivityType")]
        public Input<string>? ConnectivityType { get; set; }

        [Input("subnetId")]
        public Input<string>? SubnetId { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
