using System.Collections.Immutable;

namespace Pulumi.Aws.Ec2
{
    /// <summary>A VPC flow log, e.g. to a CloudWatch log group.</summary>
    [AwsResourceType("aws:ec2/flowLog:FlowLog")]
    public partial class FlowLog : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("logDestination")]
        public Output<string> LogDestination { get; private set; } = null!;

        [Output("logDestinationType")]
        public Output<string?> LogDestinationType { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("trafficType")]
        public Output<string?> TrafficType { get; private set; } = null!;

        [Output("vpcId")]
        public Output<string?> VpcId { get; private set; } = null!;

        public FlowLog(string name, FlowLogArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ec2/flowLog:FlowLog", name, args ?? new FlowLogArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class FlowLogArgs : global::Pulumi.ResourceArgs
    {
        [Input("iamRoleArn")]
        public Input<string>? IamRoleArn { get; set; }

        [Input("logDestination")]
        public Input<string>? LogDestination { get; set; }

        [Input("logDestinationType")]
        public Input<string>? LogDestinationType { get; set; }

        [Input("logFormat")]
        public Input<string>? LogFormat { get; set; }

        [Input("maxAggregationInterval")]
        public Input<int>? MaxAggregationInterval { get; set; }

        [Input("subnetId")]
        public Input<string>? SubnetId { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("trafficType")]
        public Input<string>? TrafficType { get; set; }

        [Input("vpcId")]
        public Input<string>? VpcId { get; set; }
    }
}
