using System.Collections.Immutable;

namespace Pulumi.Aws.AppAutoScaling
{
    /// <summary>A scaling policy of a scalable target, e.g. target tracking on CPU.</summary>
    [AwsResourceType("aws:appautoscaling/policy:Policy")]
    public partial class Policy : global::Pulumi.CustomResource
    {
        [Output("alarmArns")]
        public Output<ImmutableArray<string>> AlarmArns { get; private set; } = null!;

        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("policyType")]
        public Output<string?> PolicyType { get; private set; } = null!;

        [Output("resourceId")]
        public Output<string> ResourceId { get; private set; } = null!;

        [Output("scalableDimension")]
        public Output<string> ScalableDimension { get; private set; } = null!;

        [Output("serviceNamespace")]
        public Output<string> ServiceNamespace { get; private set; } = null!;

        public Policy(string name, PolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:appautoscaling/policy:Policy", name, args ?? new PolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class PolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("policyType")]
        public Input<string>? PolicyType { get; set; }

        [Input("resourceId", required: true)]
        public Input<string> ResourceId { get; set; } = null!;

        [Input("scalableDimension", required: true)]
        public Input<string> ScalableDimension { get; set; } = null!;

        [Input("serviceNamespace", required: true)]
        public Input<string> ServiceNamespace { get; set; } = null!;

        [Input("targetTrackingScalingPolicyConfiguration")]
        public Input<Inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs>? TargetTrackingScalingPolicyConfiguration { get; set; }
    }
}
