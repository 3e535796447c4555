namespace Pulumi.Aws.CloudWatch.Inputs
{
    /// <summary>How long and how often EventBridge retries delivering an event to a target before it gives up (or dead-letters it).</summary>
    public sealed class EventTargetRetryPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("maximumEventAgeInSeconds")]
        public Input<int>? MaximumEventAgeInSeconds { get; set; }

        [Input("maximumRetryAttempts")]
        public Input<int>? MaximumRetryAttempts { get; set; }
    }
}
