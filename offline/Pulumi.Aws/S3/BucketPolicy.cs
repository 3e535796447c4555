namespace Pulumi.Aws.S3
{
    /// <summary>A bucket's resource policy.</summary>
    [AwsResourceType("aws:s3/bucketPolicy:BucketPolicy")]
    public partial class BucketPolicy : global::Pulumi.CustomResource
    {
        [Output("bucket")]
        public Output<string> Bucket { get; private set; } = null!;

        [Output("policy")]
        public Output<string> Policy { get; private set; } = null!;

        public BucketPolicy(string name, BucketPolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:s3/bucketPolicy:BucketPolicy", name, args ?? new BucketPolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("policy", required: true)]
        public Input<string> Policy { get; set; } = null!;
    }
}
