namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Source CIDR blocks a rule matches.</summary>
    public sealed class ListenerRuleConditionSourceIpArgs : global::Pulumi.ResourceArgs
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
