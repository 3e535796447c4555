namespace Pulumi.Aws.AppAutoScaling.Inputs
{
    /// <summary>A predefined metric to track, e.g. ECSServiceAverageCPUUtilization.</summary>
    public sealed class PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs : global::Pulumi.ResourceArgs
    {
        [Input("predefinedMetricType", required: true)]
        public Input<string> PredefinedMetricType { get; set; } = null!;

        [Input("resourceLabel")]
        public Input<string>? ResourceLabel { get; set; }
    }
}
