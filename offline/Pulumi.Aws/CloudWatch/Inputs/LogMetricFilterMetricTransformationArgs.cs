namespace Pulumi.Aws.CloudWatch.Inputs
{
    /// <summary>The metric a log metric filter emits for each matching line.</summary>
    public sealed class LogMetricFilterMetricTransformationArgs : global::Pulumi.ResourceArgs
    {
        [Input("defaultValue")]
        public Input<string>? DefaultValue { get; set; }

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("namespace", required: true)]
        public Input<string> Namespace { get; set; } = null!;

        [Input("unit")]
        public Input<string>? Unit { get; set; }

        [Input("value", required: true)]
        public Input<string> Value { get; set; } = null!;
    }
}
