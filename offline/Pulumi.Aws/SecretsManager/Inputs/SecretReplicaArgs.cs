namespace Pulumi.Aws.SecretsManager.Inputs
{
    /// <summary>A region the secret is replicated to, and the key that encrypts it there.</summary>
    public sealed class SecretReplicaArgs : global::Pulumi.ResourceArgs
    {
        [Input("kmsKeyId")]
        public Input<string>? KmsKeyId { get; set; }

        [Input("region", required: true)]
        public Input<string> Region { get; set; } = null!;
    }
}
