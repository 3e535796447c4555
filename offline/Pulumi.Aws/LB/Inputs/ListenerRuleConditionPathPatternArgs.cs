namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Path patterns a rule matches.</summary>
    public sealed class ListenerRuleConditionPathPatternArgs : global::Pulumi.ResourceArgs
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
