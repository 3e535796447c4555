using System.Collections.Immutable;

namespace Pulumi.Aws.LB
{
    /// <summary>An application (or network) load balancer.</summary>
    [AwsResourceType("aws:lb/loadBalancer:LoadBalancer")]
    public partial class LoadBalancer : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("arnSuffix")]
        public Output<string> ArnSuffix { get; private set; } = null!;

        [Output("dnsName")]
        public Output<string> DnsName { get; private set; } = null!;

        [Output("internal")]
        public Output<bool> Internal { get; private set; } = null!;

        [Output("loadBalancerType")]
        public Output<string?> LoadBalancerType { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("securityGroups")]
        public Output<ImmutableArray<string>> SecurityGroups { get; private set; } = null!;

        [Output("subnets")]
        public Output<ImmutableArray<string>> Subnets { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("vpcId")]
        public Output<string> VpcId { get; private set; } = null!;

        [Output("zoneId")]
        public Output<string> ZoneId { get; private set; } = null!;

        public LoadBalancer(string name, LoadBalancerArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:lb/loadBalancer:LoadBalancer", name, args ?? new LoadBalancerArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class LoadBalancerArgs : global::Pulumi.ResourceArgs
    {
        [Input("accessLogs")]
        public Input<Inputs.LoadBalancerAccessLogsArgs>? AccessLogs { get; set; }

        [Input("clientKeepAlive")]
        public Input<int>? ClientKeepAlive { get; set; }

        [Input("desyncMitigationMode")]
        public Input<string>? DesyncMitigationMode { get; set; }

        [Input("dropInvalidHeaderFields")]
        public Input<bool>? DropInvalidHeaderFields { get; set; }

        [Input("enableCrossZoneLoadBalancing")]
        public Input<bool>? EnableCrossZoneLoadBalancing { get; set; }

        [Input("enableDeletionProtection")]
        public Input<bool>? EnableDeletionProtection { get; set; }

        [Input("enableHttp2")]
        public Input<bool>? EnableHttp2 { get; set; }

        [Input("idleTimeout")]
        public Input<int>? IdleTimeout { get; set; }

        [Input("internal")]
        public Input<bool>? Internal { get; set; }

        [Input("ipAddressType")]
        public Input<string>? IpAddressType { get; set; }

        [Input("loadBalancerType")]
        public Input<string>? LoadBalancerType { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("preserveHostHeader")]
        public Input<bool>? PreserveHostHeader { get; set; }

        [Input("securityGroups")]
        private InputList<string>? _securityGroups;

        public InputList<string> SecurityGroups
        {
            get => _securityGroups ?? (_securityGroups = new InputList<string>());
            set => _securityGroups = value;
        }

        [Input("subnets")]
        private InputList<string>? _subnets;

        public InputList<string> Subnets
        {
            get => _subnets ?? (_subnets = new InputList<string>());
            set => _subnets = value;
        }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("xffHeaderProcessingMode")]
        public Input<string>? XffHeaderProcessingMode { get; set; }
    }
}
