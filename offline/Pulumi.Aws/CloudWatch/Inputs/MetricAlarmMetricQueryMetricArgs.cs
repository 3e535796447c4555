namespace Pulumi.Aws.CloudWatch.Inputs
{
    /// <summary>The metric a metric-math term fetches, with its statistic and period.</summary>
    public sealed class MetricAlarmMetricQueryMetricArgs : global::Pulumi.ResourceArgs
    {
        [Input("dimensions")]
        private InputMap<string>? _dimensions;

        public InputMap<string> Dimensions
        {
            get => _dimensions ?? (_dimensions = new InputMap<string>());
            set => _dimensions = value;
        }

        [Input("metricName", required: true)]
        public Input<string> MetricName { get; set; } = null!;

        [Input("namespace")]
        public Input<string>? Namespace { get; set; }

        [Input("period", required: true)]
        public Input<int> Period { get; set; } = null!;

        [Input("stat", required: true)]
        public Input<string> Stat { get; set; } = null!;

        [Input("unit")]
        public Input<string>? Unit { get; set; }
    }
}
