namespace Pulumi.Aws.Lambda.Inputs
{
    /// <summary>Where Lambda sends an asynchronous invocation's event once its retries are spent: an SQS queue or SNS topic.</summary>
    public sealed class FunctionDeadLetterConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("targetArn", required: true)]
        public Input<string> TargetArn { get; set; } = null!;
    }
}
