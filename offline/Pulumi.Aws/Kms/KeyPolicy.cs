namespace Pulumi.Aws.Kms
{
    /// <summary>The key policy of an existing KMS key, managed apart from the key.</summary>
    [AwsResourceType("aws:kms/keyPolicy:KeyPolicy")]
    public partial class KeyPolicy : global::Pulumi.CustomResource
    {
        [Output("keyId")]
        public Output<string> KeyId { get; private set; } = null!;

        [Output("policy")]
        public Output<string> Policy { get; private set; } = null!;

        public KeyPolicy(string name, KeyPolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:kms/keyPolicy:KeyPolicy", name, args ?? new KeyPolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class KeyPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("bypassPolicyLockoutSafetyCheck")]
        public Input<bool>? BypassPolicyLockoutSafetyCheck { get; set; }

        [Input("keyId", required: true)]
        public Input<string> KeyId { get; set; } = null!;

        [Input("policy", required: true)]
        public Input<string> Policy { get; set; } = null!;
    }
}
