using System.Collections.Immutable;

namespace Pulumi.Aws.Sqs
{
    /// <summary>An SQS queue, e.g. a Lambda function's dead-letter queue.</summary>
    [AwsResourceType("aws:sqs/queue:Queue")]
    public partial class Queue : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("url")]
        public Output<string> Url { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Queue(string name, QueueArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:sqs/queue:Queue", name, args ?? new QueueArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class QueueArgs : global::Pulumi.ResourceArgs
    {
        [Input("messageRetentionSeconds")]
        public Input<int>? MessageRetentionSeconds { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("sqsManagedSseEnabled")]
        public Input<bool>? SqsManagedSseEnabled { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
