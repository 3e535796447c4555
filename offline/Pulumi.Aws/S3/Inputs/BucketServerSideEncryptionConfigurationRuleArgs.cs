namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>One default-encryption rule of a bucket.</summary>
    public sealed class BucketServerSideEncryptionConfigurationRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("applyServerSideEncryptionByDefault")]
        public Input<Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs>? ApplyServerSideEncryptionByDefault { get; set; }

        [Input("bucketKeyEnabled")]
        public Input<bool>? BucketKeyEnabled { get; set; }
    }
}
