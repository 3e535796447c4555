namespace Pulumi.Aws.AppAutoScaling.Inputs
{
    /// <summary>Target tracking: keep a metric near a target value.</summary>
    public sealed class PolicyTargetTrackingScalingPolicyConfigurationArgs : global::Pulumi.ResourceArgs
    {
        [Input("disableScaleIn")]
        public Input<bool>? DisableScaleIn { get; set; }

        [Input("predefinedMetricSpecification")]
        public Input<Inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs>? PredefinedMetricSpecification { get; set; }

        [Input("scaleInCooldown")]
        public Input<int>? ScaleInCooldown { get; set; }

        [Input("scaleOutCooldown")]
        public Input<int>? ScaleOutCooldown { get; set; }

        [Input("targetValue", required: true)]
        public Input<double> TargetValue { get; set; } = null!;
    }
}
