namespace Pulumi.Aws.S3
{
    /// <summary>A bucket's lifecycle rules (expiry, transitions).</summary>
    [AwsResourceType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")]
    public partial class BucketLifecycleConfiguration : global::Pulumi.CustomResource
    {
        [Output("bucket")]
        public Output<string> Bucket { get; private set; } = null!;

        public BucketLifecycleConfiguration(string name, BucketLifecycleConfigurationArgs args, CustomResourceOptions? options = null)
            : base("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", name, args ?? new BucketLifecycleConfigurationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class BucketLifecycleConfigurationArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("rules")]
        private InputList<Inputs.BucketLifecycleConfigurationRuleArgs>? _rules;

        public InputList<Inputs.BucketLifecycleConfigurationRuleArgs> Rules
        {
            get => _rules ?? (_rules = new InputList<Inputs.BucketLifecycleConfigurationRuleArgs>());
            set => _rules = value;
        }
    }
}
