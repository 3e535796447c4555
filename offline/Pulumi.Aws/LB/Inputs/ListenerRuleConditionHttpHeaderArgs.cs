namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>A request header a rule matches: its name and the value patterns, any one of which must match.</summary>
    public sealed class ListenerRuleConditionHttpHeaderArgs : global::Pulumi.ResourceArgs
    {
        [Input("httpHeaderName", required: true)]
        public Input<string> HttpHeaderName { get; set; } = null!;

        [Input("values")]
        private InputList<string>? _values;

        public InputList<string> Values
        {
            get => _values ?? (_values = new InputList<string>());
            set => _values = value;
        }
    }
}
