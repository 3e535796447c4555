namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>One condition of a listener rule; set exactly one of its members.</summary>
    public sealed class ListenerRuleConditionArgs : global::Pulumi.ResourceArgs
    {
        [Input("hostHeader")]
        public Input<Inputs.ListenerRuleConditionHostHeaderArgs>? HostHeader { get; set; }

        [Input("httpHeader")]
        public Input<Inputs.ListenerRuleConditionHttpHeaderArgs>? HttpHeader { get; set; }

        [Input("pathPattern")]
        public Input<Inputs.ListenerRuleConditionPathPatternArgs>? PathPattern { get; set; }

        [Input("sourceIp")]
        public Input<Inputs.ListenerRuleConditionSourceIpArgs>? SourceIp { get; set; }
    }
}
