using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>A VPC: the network boundary of one region's stack.</summary>
    [AwsResourceType("aws:ec2/vpc:Vpc")]
    public partial class Vpc : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("cidrBlock")]
        public Output<string> CidrBlock { get; private set; } = null!;

        [Output("defaultSecurityGroupId")]
        public Output<string> DefaultSecurityGroupId { get; private set; } = null!;

        [Output("enableDnsHostnames")]
        public Output<bool> EnableDnsHostnames { get; private set; } = null!;

        [Output("enableDnsSupport")]
        public Output<bool?> EnableDnsSupport { get; private set; } = null!;

        [Output("mainRouteTableId")]
        public Output<string> MainRouteTableId { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public Vpc(string name, VpcArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/vpc:Vpc", name, args ?? new VpcArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class VpcArgs : global::Pulumi.ResourceArgs
    {
        [Input("assignGeneratedIpv6CidrBlock")]
        public Input<bool>? AssignGeneratedIpv6CidrBlock { get; set; }

        [Input("cidrBlock")]
        public Input<string>? CidrBlock { get; set; }

        [Input("enableDnsHostnames")]
        public Input<bool>? EnableDnsHostnames { get; set; }

        [Input("enableDnsSupport")]
        public Input<bool>? EnableDnsSupport { get; set; }

        [Input("instanceTenancy")]
        public Input<string>? InstanceTenancy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
