namespace Pulumi.Aws.Synthetics.Inputs
{
    /// <summary>When the canary runs (rate or cron expression).</summary>
    public sealed class CanaryScheduleArgs : global::Pulumi.ResourceArgs
    {
        [Input("durationInSeconds")]
        public Input<int>? DurationInSeconds { get; set; }

        [Input("expression", required: true)]
        public Input<string> Expression { get; set; } = null!;
    }
}
