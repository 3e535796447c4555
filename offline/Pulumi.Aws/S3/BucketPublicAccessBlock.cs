namespace Pulumi.Aws.S3
{
    /// <summary>Blocks public ACLs and policies on one bucket.</summary>
    [AwsResourceType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")]
    public partial class BucketPublicAccessBlock : global::Pulumi.CustomResource
    {
        [Output("bucket")]
        public Output<string> Bucket { get; private set; } = null!;

        [Output("blockPublicAcls")]
        public Output<bool?> BlockPublicAcls { get; private set; } = null!;

        [Output("blockPublicPolicy")]
        public Output<bool?> BlockPublicPolicy { get; private set; } = null!;

        [Output("ignorePublicAcls")]
        public Output<bool?> IgnorePublicAcls { get; private set; } = null!;

        [Output("restrictPublicBuckets")]
        public Output<bool?> RestrictPublicBuckets { get; private set; } = null!;

        public BucketPublicAccessBlock(string name, BucketPublicAccessBlockArgs args, CustomResourceOptions? options = null)
            : base("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, args ?? new BucketPublicAccessBlockArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketPublicAccessBlockArgs : global::Pulumi.ResourceArgs
    {
        [Input("blockPublicAcls")]
        public Input<bool>? BlockPublicAcls { get; set; }

        [Input("blockPublicPolicy")]
        public Input<bool>? BlockPublicPolicy { get; set; }

        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("ignorePublicAcls")]
        public Input<bool>? IgnorePublicAcls { get; set; }

        [Input("restrictPublicBuckets")]
        public Input<bool>? RestrictPublicBuckets { get; set; }
    }
}
