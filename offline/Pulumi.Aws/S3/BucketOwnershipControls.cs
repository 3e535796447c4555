namespace Pulumi.Aws.S3
{
    /// <summary>Object ownership of a bucket (BucketOwnerEnforced turns ACLs off).</summary>
    [AwsResourceType("aws:s3/bucketOwnershipControls:BucketOwnershipControls")]
    public partial class BucketOwnershipControls : global::Pulumi.CustomResource
    {
        [Output("bucket")]
        public Output<string> Bucket { get; private set; } = null!;

        public BucketOwnershipControls(string name, BucketOwnershipControlsArgs args, CustomResourceOptions? options = null)
            : base("aws:s3/bucketOwnershipControls:BucketOwnershipControls", name, args ?? new BucketOwnershipControlsArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketOwnershipControlsArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("rule", required: true)]
        public Input<Inputs.BucketOwnershipControlsRuleArgs> Rule { get; set; } = null!;
    }
}
