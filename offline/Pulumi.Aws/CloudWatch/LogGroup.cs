using System.Collections.Immutable;

namespace Pulumi.Aws.CloudWatch
{
    /// <summary>A CloudWatch Logs log group, e.g. for container or flow logs.</summary>
    [AwsResourceType("aws:cloudwatch/logGroup:LogGroup")]
    public partial class LogGroup : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("kmsKeyId")]
        public Output<string?> KmsKeyId { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("retentionInDays")]
        public Output<int?> RetentionInDays { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public LogGroup(string name, LogGroupArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/logGroup:LogGroup", name, args ?? new LogGroupArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class LogGroupArgs : global::Pulumi.ResourceArgs
    {
        [Input("kmsKeyId")]
        public Input<string>? KmsKeyId { get; set; }

        [Input("logGroupClass")]
        public Input<string>? LogGroupClass { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("retentionInDays")]
        public Input<int>? RetentionInDays { get; set; }

        [Input("skipDestroy")]
        public Input<bool>? SkipDestroy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
