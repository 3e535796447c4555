namespace Pulumi.Aws.Synthetics.Inputs
{
    /// <summary>Limits and environment of each run.</summary>
    public sealed class CanaryRunConfigArgs : global::Pulumi.ResourceArgs
    {
        [Input("activeTracing")]
        public Input<bool>? ActiveTracing { get; set; }

        [Input("environmentVariables")]
        private InputMap<string>? _environmentVariables;

        public InputMap<string> EnvironmentVariables
        {
            get => _environmentVariables ?? (_environmentVariables = new InputMap<string>());
            set => _environmentVariables = value;
        }

        [Input("memoryInMb")]
        public Input<int>? MemoryInMb { get; set; }

        [Input("timeoutInSeconds")]
        public Input<int>? TimeoutInSeconds { get; set; }
    }
}
