namespace Pulumi.Aws.Synthetics.Inputs
{
    /// <summary>How the canary's artifacts are stored.</summary>
    public sealed class CanaryArtifactConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("s3Encryption")]
        public Input<Inputs.CanaryArtifactConfigS3EncryptionArgs>? S3Encryption { get; set; }
    }
}
