namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>A target group and its weight in a weighted forward.</summary>
    public sealed class ListenerDefaultActionForwardTargetGroupArgs : global::Pulumi.ResourceArgs
    {
        [Input("arn", required: true)]
        public Input<string> Arn { get; set; } = null!;

        [Input("weight")]
        public Input<int>? Weight { get; set; }
    }
}
