namespace Pulumi.Aws.Ecs.Inputs
{
    /// <summary>A cluster setting, e.g. containerInsights = enabled.</summary>
    public sealed class ClusterSettingArgs : global::Pulumi.ResourceArgs
    {
        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("value", required: true)]
        public Input<string> Value { get; set; } = null!;
    }
}
