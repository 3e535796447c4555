namespace Pulumi.Aws.CloudWatch.Inputs
{
    /// <summary>The SQS queue EventBridge sends an event to when it could not deliver it to the target.</summary>
    public sealed class EventTargetDeadLetterConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("arn")]
        public Input<string>? Arn { get; set; }
    }
}
