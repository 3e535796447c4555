namespace Pulumi.Aws.Lambda.Inputs
{
    /// <summary>The environment variables a function runs with.</summary>
    public sealed class FunctionEnvironmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("variables")]
        private InputMap<string>? _variables;

        public InputMap<string> Variables
        {
            get => _variables ?? (_variables = new InputMap<string>());
            set => _variables = value;
        }
    }
}
