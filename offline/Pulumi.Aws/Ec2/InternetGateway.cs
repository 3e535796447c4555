using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>The internet gateway of a VPC, the way out for public subnets.</summary>
    [AwsResourceType("aws:ec2/internetGateway:InternetGateway")]
    public partial class InternetGateway : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("vpcId")]
        public Output<string> VpcId { get; private set; } = null!;

        public InternetGateway(string name, InternetGatewayArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/internetGateway:InternetGateway", name, args ?? new InternetGatewayArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class InternetGatewayArgs : global::Pulumi.ResourceArgs
    {
        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("vpcId")]
        public Input<string>? VpcId { get; set; }
    }
}
