namespace Pulumi.Aws.CloudWatch.Inputs
{
    /// <summary>One term of an alarm's metric math: a metric to fetch or an expression over other terms.</summary>
    public sealed class MetricAlarmMetricQueryArgs : global::Pulumi.ResourceArgs
    {
        [Input("expression")]
        public Input<string>? Expression { get; set; }

        [Input("id", required: true)]
        public Input<string> Id { get; set; } = null!;

        [Input("label")]
        public Input<string>? Label { get; set; }

        [Input("metric")]
        public Input<Inputs.MetricAlarmMetricQueryMetricArgs>? Metric { get; set; }

        [Input("period")]
        public Input<int>? Period { get; set; }

        [Input("returnData")]
        public Input<bool>? ReturnData { get; set; }
    }
}
