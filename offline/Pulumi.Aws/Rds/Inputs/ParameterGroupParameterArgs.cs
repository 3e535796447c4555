namespace Pulumi.Aws.Rds.Inputs
{
    /// <summary>One engine parameter of a DB parameter group.</summary>
    public sealed class ParameterGroupParameterArgs : global::Pulumi.ResourceArgs
    {
        [Input("applyMethod")]
        public Input<string>? ApplyMethod { get; set; }

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("value", required: true)]
        public Input<string> Value { get; set; } = null!;
    }
}
