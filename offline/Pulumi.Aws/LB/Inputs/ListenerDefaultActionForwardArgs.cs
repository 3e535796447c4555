namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Weighted forwarding of a listener's default action to one or more target groups.</summary>
    public sealed class ListenerDefaultActionForwardArgs : global::Pulumi.ResourceArgs
    {
        [Input("stickiness")]
        public Input<Inputs.ListenerDefaultActionForwardStickinessArgs>? Stickiness { get; set; }

        [Input("targetGroups", required: true)]
        private InputList<Inputs.ListenerDefaultActionForwardTargetGroupArgs>? _targetGroups;

        public InputList<Inputs.ListenerDefaultActionForwardTargetGroupArgs> TargetGroups
        {
            get => _targetGroups ?? (_targetGroups = new InputList<Inputs.ListenerDefaultActionForwardTargetGroupArgs>());
            set => _targetGroups = value;
        }
    }
}
