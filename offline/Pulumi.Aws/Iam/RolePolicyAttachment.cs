namespace Pulumi.Aws.Iam
{
    /// <summary>Attaches a managed policy to a role.</summary>
    [AwsResourceType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")]
    public partial class RolePolicyAttachment : global::Pulumi.CustomResource
    {
        [Output("policyArn")]
        public Output<string> PolicyArn { get; private set; } = null!;

        [Output("role")]
        public Output<string> Role { get; private set; } = null!;

        public RolePolicyAttachment(string name, RolePolicyAttachmentArgs args, CustomResourceOptions? options = null)
            : base("aws:iam/rolePolicyAttachment:RolePolicyAttachment", name, args ?? new RolePolicyAttachmentArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RolePolicyAttachmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("policyArn", required: true)]
        public Input<string> PolicyArn { get; set; } = null!;

        [Input("role", required: true)]
        public Input<string> Role { get; set; } = null!;
    }
}
