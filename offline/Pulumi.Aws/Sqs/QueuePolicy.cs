namespace Pulumi.Aws.Sqs
{
    /// <summary>The access policy of a queue (who may send to it, e.g. EventBridge rules).</summary>
    [AwsResourceType("aws:sqs/queuePolicy:QueuePolicy")]
    public partial class QueuePolicy : global::Pulumi.CustomResource
    {
        [Output("policy")]
        public Output<string> Policy { get; private set; } = null!;

        [Output("queueUrl")]
        public Output<string> QueueUrl { get; private set; } = null!;

        public QueuePolicy(string name, QueuePolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:sqs/queuePolicy:QueuePolicy", name, args ?? new QueuePolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class QueuePolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("policy", required: true)]
        public Input<string> Policy { get; set; } = null!;

        [Input("queueUrl", required: true)]
        public Input<string> QueueUrl { get; set; } = null!;
    }
}
