namespace Pulumi.Aws.DynamoDB.Inputs
{
    /// <summary>A key attribute's name and scalar type (<c>S</c>, <c>N</c> or <c>B</c>).</summary>
    public sealed class TableAttributeArgs : global::Pulumi.ResourceArgs
    {
        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("type", required: true)]
        public Input<string> Type { get; set; } = null!;
    }
}
