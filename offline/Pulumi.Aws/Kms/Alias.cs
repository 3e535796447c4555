namespace Pulumi.Aws.Kms
{
    /// <summary>A friendly name (alias/...) pointing at a KMS key.</summary>
    [AwsResourceType("aws:kms/alias:Alias")]
    public partial class Alias : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("targetKeyArn")]
        public Output<string> TargetKeyArn { get; private set; } = null!;

        public Alias(string name, AliasArgs args, CustomResourceOptions? options = null)
            : base("aws:kms/alias:Alias", name, args ?? new AliasArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class AliasArgs : global::Pulumi.ResourceArgs
    {
        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("targetKeyId", required: true)]
        public Input<string> TargetKeyId { get; set; } = null!;
    }
}
