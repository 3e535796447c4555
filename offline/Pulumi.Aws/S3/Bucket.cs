using System.Collections.Immutable;

namespace Pulumi.Aws.S3
{
    /// <summary>An S3 bucket (settings such as encryption and lifecycle are separate resources).</summary>
    [AwsResourceType("aws:s3/bucket:Bucket")]
    public partial class Bucket : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("bucket")]
        public Output<string> BucketName { get; private set; } = null!;

        [Output("bucketDomainName")]
        public Output<string> BucketDomainName { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Bucket(string name, BucketArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:s3/bucket:Bucket", name, args ?? new BucketArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucketPrefix")]
        public Input<string>? BucketPrefix { get; set; }

        [Input("forceDestroy")]
        public Input<bool>? ForceDestroy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
