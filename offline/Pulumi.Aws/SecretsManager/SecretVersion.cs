namespace Pulumi.Aws.SecretsManager
{
    /// <summary>One version of a secret's value; the value is secret both as input and as output.</summary>
    [AwsResourceType("aws:secretsmanager/secretVersion:SecretVersion")]
    public partial class SecretVersion : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("secretId")]
        public Output<string> SecretId { get; private set; } = null!;

        [Output("secretString")]
        public Output<string?> SecretString { get; private set; } = null!;

        [Output("versionId")]
        public Output<string> VersionId { get; private set; } = null!;

        public SecretVersion(string name, SecretVersionArgs args, CustomResourceOptions? options = null)
            : base("aws:secretsmanager/secretVersion:SecretVersion", name, args ?? new SecretVersionArgs(),
                Utilities.WithVersion(options, "secretBinary", "secretString"))
        {
        }
    }

    public sealed class SecretVersionArgs : global::Pulumi.ResourceArgs
    {
        [Input("secretId", required: true)]
        public Input<string> SecretId { get; set; } = null!;

        [Input("secretString")]
        private Input<string>? _secretString;

        public Input<string>? SecretString
        {
            get => _secretString;
            set => _secretString = SecretInput.Wrap(value);
        }
    }
}
