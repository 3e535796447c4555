namespace Pulumi.Aws.Sns
{
    /// <summary>Delivers a topic's messages to an endpoint (a Lambda function, an e-mail address).</summary>
    [AwsResourceType("aws:sns/topicSubscription:TopicSubscription")]
    public partial class TopicSubscription : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("endpoint")]
        public Output<string> Endpoint { get; private set; } = null!;

        [Output("protocol")]
        public Output<string> Protocol { get; private set; } = null!;

        [Output("topic")]
        public Output<string> Topic { get; private set; } = null!;

        public TopicSubscription(string name, TopicSubscriptionArgs args, CustomResourceOptions? options = null)
            : base("aws:sns/topicSubscription:TopicSubscription", name, args ?? new TopicSubscriptionArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TopicSubscriptionArgs : global::Pulumi.ResourceArgs
    {
        [Input("endpoint", required: true)]
        public Input<string> Endpoint { get; set; } = null!;

        [Input("protocol", required: true)]
        public Input<string> Protocol { get; set; } = null!;

        [Input("topic", required: true)]
        public Input<string> Topic { get; set; } = null!;
    }
}
