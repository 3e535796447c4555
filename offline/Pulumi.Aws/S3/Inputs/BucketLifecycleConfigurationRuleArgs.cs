namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>One lifecycle rule.</summary>
    public sealed class BucketLifecycleConfigurationRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("abortIncompleteMultipartUpload")]
        public Input<Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs>? AbortIncompleteMultipartUpload { get; set; }

        [Input("expiration")]
        public Input<Inputs.BucketLifecycleConfigurationRuleExpirationArgs>? Expiration { get; set; }

        [Input("filter")]
        public Input<Inputs.BucketLifecycleConfigurationRuleFilterArgs>? Filter { get; set; }

        [Input("id", required: true)]
        public Input<string> Id { get; set; } = null!;

        [Input("status", required: true)]
        public Input<string> Status { get; set; } = null!;
    }
}
