using System.Collections.Immutable;

namespace Pulumi.Aws.Iam
{
    /// <summary>An IAM role with its trust (assume-role) policy.</summary>
    [AwsResourceType("aws:iam/role:Role")]
    public partial class Role : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("assumeRolePolicy")]
        public Output<string> AssumeRolePolicy { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("uniqueId")]
        public Output<string> UniqueId { get; private set; } = null!;

        public Role(string name, RoleArgs args, CustomResourceOptions? options = null)
            : base("aws:iam/role:Role", name, args ?? new RoleArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RoleArgs : global::Pulumi.ResourceArgs
    {
        [Input("assumeRolePolicy", required: true)]
        public InputUnion<string, Inputs.PolicyDocumentArgs> AssumeRolePolicy { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("forceDetachPolicies")]
        public Input<bool>? ForceDetachPolicies { get; set; }

        [Input("maxSessionDuration")]
        public Input<int>? MaxSessionDuration { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namePrefix")]
        public Input<string>? NamePrefix { get; set; }

        [Input("path")]
        public Input<string>? Path { get; set; }

        [Input("permissionsBoundary")]
        public Input<string>? PermissionsBoundary { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
