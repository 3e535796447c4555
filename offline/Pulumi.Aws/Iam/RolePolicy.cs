namespace Pulumi.Aws.Iam
{
    /// <summary>An inline policy embedded in a role.</summary>
    [AwsResourceType("aws:iam/rolePolicy:RolePolicy")]
    public partial class RolePolicy : global::Pulumi.CustomResource
    {
        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("policy")]
        public Output<string> Policy { get; private set; } = null!;

        [Output("role")]
        public Output<string> Role { get; private set; } = null!;

        public RolePolicy(string name, RolePolicyArgs args, CustomResourceOptions? options = null)
            : base("aws:iam/rolePolicy:RolePolicy", name, args ?? new RolePolicyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RolePolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("policy", required: true)]
        public InputUnion<string, Inputs.PolicyDocumentArgs> Policy { get; set; } = null!;

        [Input("role", required: true)]
        public Input<string> Role { get; set; } = null!;
    }
}
