using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>An Elastic IP address, e.g. for a NAT gateway.</summary>
    [AwsResourceType("aws:ec2/eip:Eip")]
    public partial class Eip : global::Pulumi.CustomResource
    {
        [Output("allocationId")]
        public Output<string> AllocationId { get; private set; } = null!;

        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("domain")]
        public Output<string> Domain { get; private set; } = null!;

        [Output("publicIp")]
        public Output<string> PublicIp { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public Eip(string name, EipArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/eip:Eip", name, args ?? new EipArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class EipArgs : global::Pulumi.ResourceArgs
    {
        [Input("domain")]
        public Input<string>? Domain { get; set; }

        [Input("networkBorderGroup")]
        public Input<string>? NetworkBorderGroup { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
