using System.Collections.Immutable;

namespace Pulumi.Aws.Synthetics
{
    /// <summary>A CloudWatch Synthetics canary: a script run on a schedule whose results become metrics.</summary>
    [AwsResourceType("aws:synthetics/canary:Canary")]
    public partial class Canary : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("engineArn")]
        public Output<string> EngineArn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("status")]
        public Output<string> Status { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Canary(string name, CanaryArgs args, CustomResourceOptions? options = null)
            : base("aws:synthetics/canary:Canary", name, args ?? new CanaryArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class CanaryArgs : global::Pulumi.ResourceArgs
    {
        [Input("artifactConfig")]
        public Input<Inputs.CanaryArtifactConfigArgs>? ArtifactConfig { get; set; }

        [Input("artifactS3Location", required: true)]
        public Input<string> ArtifactS3Location { get; set; } = null!;

        [Input("deleteLambda")]
        public Input<bool>? DeleteLambda { get; set; }

        [Input("executionRoleArn", required: true)]
        public Input<string> ExecutionRoleArn { get; set; } = null!;

        [Input("failureRetentionPeriod")]
        public Input<int>? FailureRetentionPeriod { get; set; }

        [Input("handler", required: true)]
        public Input<string> Handler { get; set; } = null!;

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("runConfig")]
        public Input<Inputs.CanaryRunConfigArgs>? RunConfig { get; set; }

        [Input("runtimeVersion", required: true)]
        public Input<string> RuntimeVersion { get; set; } = null!;

        [Input("s3Bucket")]
        public Input<string>? S3Bucket { get; set; }

        [Input("s3Key")]
        public Input<string>? S3Key { get; set; }

        [Input("s3Version")]
        public Input<string>? S3Version { get; set; }

        [Input("schedule", required: true)]
        public Input<Inputs.CanaryScheduleArgs> Schedule { get; set; } = null!;

        [Input("startCanary")]
        public Input<bool>? StartCanary { get; set; }

        [Input("successRetentionPeriod")]
        public Input<int>? SuccessRetentionPeriod { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
