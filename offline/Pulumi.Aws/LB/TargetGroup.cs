using System.Collections.Immutable;

namespace Pulumi.Aws.LB
{
    /// <summary>A target group: the tasks of one color behind the load balancer.</summary>
    [AwsResourceType("aws:lb/targetGroup:TargetGroup")]
    public partial class TargetGroup : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("arnSuffix")]
        public Output<string> ArnSuffix { get; private set; } = null!;

        [Output("deregistrationDelay")]
        public Output<int?> DeregistrationDelay { get; private set; } = null!;

        [Output("loadBalancerArns")]
        public Output<ImmutableArray<string>> LoadBalancerArns { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("port")]
        public Output<int?> Port { get; private set; } = null!;

        [Output("protocol")]
        public Output<string?> Protocol { get; private set; } = null!;

        [Output("protocolVersion")]
        public Output<string> ProtocolVersion { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("targetType")]
        public Output<string?> TargetType { get; private set; } = null!;

        [Output("vpcId")]
        public Output<string?> VpcId { get; private set; } = null!;

        public TargetGroup(string name, TargetGroupArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:lb/targetGroup:TargetGroup", name, args ?? new TargetGroupArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TargetGroupArgs : global::Pulumi.ResourceArgs
    {
        [Input("deregistrationDelay")]
        public Input<int>? DeregistrationDelay { get; set; }

        [Input("healthCheck")]
        public Input<Inputs.TargetGroupHealthCheckArgs>? HealthCheck { get; set; }

        [Input("ipAddressType")]
        public Input<string>? IpAddressType { get; set; }

        [Input("loadBalancingAlgorithmType")]
        public Input<string>? LoadBalancingAlgorithmType { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("port")]
        public Input<int>? Port { get; set; }

        [Input("protocol")]
        public Input<string>? Protocol { get; set; }

        [Input("protocolVersion")]
        public Input<string>? ProtocolVersion { get; set; }

        [Input("slowStart")]
        public Input<int>? SlowStart { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("targetType")]
        public Input<string>? TargetType { get; set; }

        [Input("vpcId")]
        public Input<string>? VpcId { get; set; }
    }
}
