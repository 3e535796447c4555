namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>One step of a listener's default action: forward, redirect or fixed response, chosen by type.</summary>
    public sealed class ListenerDefaultActionArgs : global::Pulumi.ResourceArgs
    {
        [Input("fixedResponse")]
        public Input<Inputs.ListenerDefaultActionFixedResponseArgs>? FixedResponse { get; set; }

        [Input("forward")]
        public Input<Inputs.ListenerDefaultActionForwardArgs>? Forward { get; set; }

        [Input("order")]
        public Input<int>? Order { get; set; }

        [Input("redirect")]
        public Input<Inputs.ListenerDefaultActionRedirectArgs>? Redirect { get; set; }

        [Input("targetGroupArn")]
        public Input<string>? TargetGroupArn { get; set; }

        [Input("type", required: true)]
        public Input<string> Type { get; set; } = null!;
    }
}
