namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Host header patterns a rule matches.</summary>
    public sealed class ListenerRuleConditionHostHeaderArgs : global::Pulumi.ResourceArgs
    {
        [Input("values")]
        private InputList<string>? _values;

        public InputList<string> Values
        {
            get => _values ?? (_values = new InputList<string>());
            set => _values = value;
        }
    }
}
