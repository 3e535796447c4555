namespace Pulumi.Aws.DynamoDB.Inputs
{
    /// <summary>Encryption at rest; with <c>kmsKeyArn</c> under a customer managed key.</summary>
    public sealed class TableServerSideEncryptionArgs : global::Pulumi.ResourceArgs
    {
        [Input("enabled", required: true)]
        public Input<bool> Enabled { get; set; } = null!;

        [Input("kmsKeyArn")]
        public Input<string>? KmsKeyArn { get; set; }
    }
}
