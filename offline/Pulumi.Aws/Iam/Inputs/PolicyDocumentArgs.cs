namespace Pulumi.Aws.Iam.Inputs
{
    /// <summary>A typed IAM policy document (the alternative to a JSON string).</summary>
    public sealed class PolicyDocumentArgs : global::Pulumi.ResourceArgs
    {
        [Input("Id")]
        public Input<string>? Id { get; set; }

        [Input("Statement", required: true)]
        private InputList<Inputs.PolicyStatementArgs>? _Statement;

        public InputList<Inputs.PolicyStatementArgs> Statement
        {
            get => _Statement ?? (_Statement = new InputList<Inputs.PolicyStatementArgs>());
            set => _Statement = value;
        }

        [Input("Version", required: true)]
        public Input<Pulumi.Aws.Iam.PolicyDocumentVersion> Version { get; set; } = null!;
    }
}
