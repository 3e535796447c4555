namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>The algorithm (AES256, aws:kms) and key new objects are encrypted with.</summary>
    public sealed class BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs : global::Pulumi.ResourceArgs
    {
        [Input("kmsMasterKeyId")]
        public Input<string>? KmsMasterKeyId { get; set; }

        [Input("sseAlgorithm", required: true)]
        public Input<string> SseAlgorithm { get; set; } = null!;
    }
}
