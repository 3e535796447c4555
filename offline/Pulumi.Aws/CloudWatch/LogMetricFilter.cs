namespace Pulumi.Aws.CloudWatch
{
    /// <summary>Turns log lines matching a pattern into a metric.</summary>
    [AwsResourceType("aws:cloudwatch/logMetricFilter:LogMetricFilter")]
    public partial class LogMetricFilter : global::Pulumi.CustomResource
    {
        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        public LogMetricFilter(string name, LogMetricFilterArgs args, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/logMetricFilter:LogMetricFilter", name, args ?? new LogMetricFilterArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class LogMetricFilterArgs : global::Pulumi.ResourceArgs
    {
        [Input("logGroupName", required: true)]
        public Input<string> LogGroupName { get; set; } = null!;

        [Input("metricTransformation", required: true)]
        public Input<Inputs.LogMetricFilterMetricTransformationArgs> MetricTransformation { get; set; } = null!;

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("pattern", required: true)]
        public Input<string> Pattern { get; set; } = null!;
    }
}
