namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Weighted forwarding of a listener rule's action to one or more target groups.</summary>
    public sealed class ListenerRuleActionForwardArgs : global::Pulumi.ResourceArgs
    {
        [Input("stickiness")]
        public Input<Inputs.ListenerRuleActionForwardStickinessArgs>? Stickiness { get; set; }

        [Input("targetGroups", required: true)]
        private InputList<Inputs.ListenerRuleActionForwardTargetGroupArgs>? _targetGroups;

        public InputList<Inputs.ListenerRuleActionForwardTargetGroupArgs> TargetGroups
        {
            get => _targetGroups ?? (_targetGroups = new InputList<Inputs.ListenerRuleActionForwardTargetGroupArgs>());
            set => _targetGroups = value;
        }
    }
}
