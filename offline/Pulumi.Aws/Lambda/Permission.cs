namespace Pulumi.Aws.Lambda
{
    /// <summary>Lets a principal (e.g. sns.amazonaws.com) invoke a function, optionally only from one source ARN.</summary>
    [AwsResourceType("aws:lambda/permission:Permission")]
    public partial class Permission : global::Pulumi.CustomResource
    {
        [Output("statementId")]
        public Output<string> StatementId { get; private set; } = null!;

        public Permission(string name, PermissionArgs args, CustomResourceOptions? options = null)
            : base("aws:lambda/permission:Permission", name, args ?? new PermissionArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class PermissionArgs : global::Pulumi.ResourceArgs
    {
        [Input("action", required: true)]
        public Input<string> Action { get; set; } = null!;

        [Input("function", required: true)]
        public Input<string> Function { get; set; } = null!;

        [Input("principal", required: true)]
        public Input<string> Principal { get; set; } = null!;

        [Input("sourceArn")]
        public Input<string>? SourceArn { get; set; }
    }
}
