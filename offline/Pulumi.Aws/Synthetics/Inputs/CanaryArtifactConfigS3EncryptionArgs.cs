namespace Pulumi.Aws.Synthetics.Inputs
{
    /// <summary>The encryption of the artifacts the canary writes (SSE_S3 or SSE_KMS).</summary>
    public sealed class CanaryArtifactConfigS3EncryptionArgs : global::Pulumi.ResourceArgs
    {
        [Input("encryptionMode")]
        public Input<string>? EncryptionMode { get; set; }

        [Input("kmsKeyArn")]
        public Input<string>? KmsKeyArn { get; set; }
    }
}
