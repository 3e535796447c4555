using System.Collections.Immutable;

namespace Pulumi.Aws.Vpc
{
    /// <summary>One inbound rule of a security group: a port range from a CIDR, prefix list or another group.</summary>
    [AwsResourceType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")]
    public partial class SecurityGroupIngressRule : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("fromPort")]
        public Output<int?> FromPort { get; private set; } = null!;

        [Output("ipProtocol")]
        public Output<string> IpProtocol { get; private set; } = null!;

        [Output("securityGroupId")]
        public Output<string> SecurityGroupId { get; private set; } = null!;

        [Output("securityGroupRuleId")]
        public Output<string> SecurityGroupRuleId { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("toPort")]
        public Output<int?> ToPort { get; private set; } = null!;

        public SecurityGroupIngressRule(string name, SecurityGroupIngressRuleArgs args, CustomResourceOptions? options = null)
            : base("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, args ?? new SecurityGroupIngressRuleArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class SecurityGroupIngressRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("cidrIpv4")]
        public Input<string>? CidrIpv4 { get; set; }

        [Input("cidrIpv6")]
        public Input<string>? CidrIpv6 { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("fromPort")]
        public Input<int>? FromPort { get; set; }

        [Input("ipProtocol", required: true)]
        public Input<string> IpProtocol { get; set; } = null!;

        [Input("prefixListId")]
        public Input<string>? PrefixListId { get; set; }

        [Input("referencedSecurityGroupId")]
        public Input<string>? ReferencedSecurityGroupId { get; set; }

        [Input("securityGroupId", required: true)]
        public Input<string> SecurityGroupId { get; set; } = null!;

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("toPort")]
        public Input<int>? ToPort { get; set; }
    }
}
