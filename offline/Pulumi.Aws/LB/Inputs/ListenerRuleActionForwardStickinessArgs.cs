namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Target group stickiness of a weighted forward.</summary>
    public sealed class ListenerRuleActionForwardStickinessArgs : global::Pulumi.ResourceArgs
    {
        [Input("duration", required: true)]
        public Input<int> Duration { get; set; } = null!;

        [Input("enabled")]
        public Input<bool>? Enabled { get; set; }
    }
}
