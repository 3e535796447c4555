namespace Pulumi.Aws.CloudWatch
{
    /// <summary>Where an EventBridge rule sends the events it matches, e.g. a Lambda function.</summary>
    [AwsResourceType("aws:cloudwatch/eventTarget:EventTarget")]
    public partial class EventTarget : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("rule")]
        public Output<string> Rule { get; private set; } = null!;

        [Output("targetId")]
        public Output<string> TargetId { get; private set; } = null!;

        public EventTarget(string name, EventTargetArgs args, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/eventTarget:EventTarget", name, args ?? new EventTargetArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class EventTargetArgs : global::Pulumi.ResourceArgs
    {
        [Input("arn", required: true)]
        public Input<string> Arn { get; set; } = null!;

        [Input("deadLetterConfig")]
        public Input<Inputs.EventTargetDeadLetterConfigArgs>? DeadLetterConfig { get; set; }

        [Input("retryPolicy")]
        public Input<Inputs.EventTargetRetryPolicyArgs>? RetryPolicy { get; set; }

        [Input("rule", required: true)]
        public Input<string> Rule { get; set; } = null!;

        [Input("targetId")]
        public Input<string>? TargetId { get; set; }
    }
}
