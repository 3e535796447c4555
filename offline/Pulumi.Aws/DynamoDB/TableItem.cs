namespace Pulumi.Aws.DynamoDB
{
    /// <summary>One item of a DynamoDB table, written (PutItem) and kept by the stack; the rest of the table is not its business.</summary>
    [AwsResourceType("aws:dynamodb/tableItem:TableItem")]
    public partial class TableItem : global::Pulumi.CustomResource
    {
        [Output("tableName")]
        public Output<string> TableName { get; private set; } = null!;

        public TableItem(string name, TableItemArgs args, CustomResourceOptions? options = null)
            : base("aws:dynamodb/tableItem:TableItem", name, args ?? new TableItemArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TableItemArgs : global::Pulumi.ResourceArgs
    {
        [Input("hashKey", required: true)]
        public Input<string> HashKey { get; set; } = null!;

        /// <summary>The item in DynamoDB's JSON (attribute name to typed value), key attributes included.</summary>
        [Input("item", required: true)]
        public Input<string> Item { get; set; } = null!;

        [Input("rangeKey")]
        public Input<string>? RangeKey { get; set; }

        [Input("tableName", required: true)]
        public Input<string> TableName { get; set; } = null!;
    }
}
