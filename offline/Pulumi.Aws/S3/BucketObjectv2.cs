namespace Pulumi.Aws.S3
{
    /// <summary>One object in a bucket, e.g. a canary's code archive.</summary>
    [AwsResourceType("aws:s3/bucketObjectv2:BucketObjectv2")]
    public partial class BucketObjectv2 : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("bucket")]
        public Output<string> Bucket { get; private set; } = null!;

        [Output("key")]
        public Output<string> Key { get; private set; } = null!;

        [Output("versionId")]
        public Output<string> VersionId { get; private set; } = null!;

        public BucketObjectv2(string name, BucketObjectv2Args args, CustomResourceOptions? options = null)
            : base("aws:s3/bucketObjectv2:BucketObjectv2", name, args ?? new BucketObjectv2Args(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketObjectv2Args : global::Pulumi.ResourceArgs
    {
        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("contentType")]
        public Input<string>? ContentType { get; set; }

        [Input("key")]
        public Input<string>? Key { get; set; }

        [Input("source")]
        public Input<AssetOrArchive>? Source { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
