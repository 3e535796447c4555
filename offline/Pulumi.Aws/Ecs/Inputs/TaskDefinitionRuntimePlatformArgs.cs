namespace Pulumi.Aws.Ecs.Inputs
{
    /// <summary>The CPU architecture and OS family a task runs on.</summary>
    public sealed class TaskDefinitionRuntimePlatformArgs : global::Pulumi.ResourceArgs
    {
        [Input("cpuArchitecture")]
        public Input<string>? CpuArchitecture { get; set; }

        [Input("operatingSystemFamily")]
        public Input<string>? OperatingSystemFamily { get; set; }
    }
}
