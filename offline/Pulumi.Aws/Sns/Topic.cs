using System.Collections.Immutable;

namespace Pulumi.Aws.Sns
{
    /// <summary>An SNS topic, e.g. one per alert severity.</summary>
    [AwsResourceType("aws:sns/topic:Topic")]
    public partial class Topic : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Topic(string name, TopicArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:sns/topic:Topic", name, args ?? new TopicArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TopicArgs : global::Pulumi.ResourceArgs
    {
        [Input("displayName")]
        public Input<string>? DisplayName { get; set; }

        [Input("kmsMasterKeyId")]
        public Input<string>? KmsMasterKeyId { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
