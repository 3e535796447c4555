namespace Pulumi.Aws.Route53
{
    /// <summary>A DNS record: plain, an alias to a load balancer, or one side of a failover pair.</summary>
    [AwsResourceType("aws:route53/record:Record")]
    public partial class Record : global::Pulumi.CustomResource
    {
        [Output("fqdn")]
        public Output<string> Fqdn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        public Record(string name, RecordArgs args, CustomResourceOptions? options = null)
            : base("aws:route53/record:Record", name, args ?? new RecordArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RecordArgs : global::Pulumi.ResourceArgs
    {
        [Input("aliases")]
        private InputList<Inputs.RecordAliasArgs>? _aliases;

        public InputList<Inputs.RecordAliasArgs> Aliases
        {
            get => _aliases ?? (_aliases = new InputList<Inputs.RecordAliasArgs>());
            set => _aliases = value;
        }

        [Input("failoverRoutingPolicies")]
        private InputList<Inputs.RecordFailoverRoutingPolicyArgs>? _failoverRoutingPolicies;

        public InputList<Inputs.RecordFailoverRoutingPolicyArgs> FailoverRoutingPolicies
        {
            get => _failoverRoutingPolicies ?? (_failoverRoutingPolicies = new InputList<Inputs.RecordFailoverRoutingPolicyArgs>());
            set => _failoverRoutingPolicies = value;
        }

        [Input("healthCheckId")]
        public Input<string>? HealthCheckId { get; set; }

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("records")]
        private InputList<string>? _records;

        public InputList<string> Records
        {
            get => _records ?? (_records = new InputList<string>());
            set => _records = value;
        }

        [Input("setIdentifier")]
        public Input<string>? SetIdentifier { get; set; }

        [Input("ttl")]
        public Input<int>? Ttl { get; set; }

        [Input("type", required: true)]
        public InputUnion<string, Pulumi.Aws.Route53.RecordType> Type { get; set; } = null!;

        [Input("zoneId", required: true)]
        public Input<string> ZoneId { get; set; } = null!;
    }
}
