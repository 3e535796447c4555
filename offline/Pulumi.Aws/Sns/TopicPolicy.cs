namespace Pulumi.Aws.Sns
{
    /// <summary>The access policy of a topic (who may publish, e.g. CloudWatch alarms).</summary>
    [AwsResourceType("aws:sns/topicPolicy:TopicPolicy")]
    public partial class TopicPolicy : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("policy")]
        public Output<string> Policy { get; private set; } = null!;

        public TopicPolicy(string name, TopicPolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:sns/topicPolicy:TopicPolicy", name, args ?? new TopicPolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TopicPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("arn", required: true)]
        public Input<string> Arn { get; set; } = null!;

        [Input("policy", required: true)]
        public Input<string> Policy { get; set; } = null!;
    }
}
