using System.Collections.Immutable;

namespace Pulumi.Aws.CloudWatch
{
    /// <summary>A CloudWatch alarm on one metric or on metric math.</summary>
    [AwsResourceType("aws:cloudwatch/metricAlarm:MetricAlarm")]
    public partial class MetricAlarm : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public MetricAlarm(string name, MetricAlarmArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/metricAlarm:MetricAlarm", name, args ?? new MetricAlarmArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class MetricAlarmArgs : global::Pulumi.ResourceArgs
    {
        [Input("actionsEnabled")]
        public Input<bool>? ActionsEnabled { get; set; }

        [Input("alarmActions")]
        private InputList<string>? _alarmActions;

        public InputList<string> AlarmActions
        {
            get => _alarmActions ?? (_alarmActions = new InputList<string>());
            set => _alarmActions = value;
        }

        [Input("alarmDescription")]
        public Input<string>? AlarmDescription { get; set; }

        [Input("comparisonOperator")]
        public Input<string>? ComparisonOperator { get; set; }

        [Input("datapointsToAlarm")]
        public Input<int>? DatapointsToAlarm { get; set; }

        [Input("dimensions")]
        private InputMap<string>? _dimensions;

        public InputMap<string> Dimensions
        {
            get => _dimensions ?? (_dimensions = new InputMap<string>());
            set => _dimensions = value;
        }

        [Input("evaluationPeriods")]
        public Input<int>? EvaluationPeriods { get; set; }

        [Input("extendedStatistic")]
        public Input<string>? ExtendedStatistic { get; set; }

        [Input("insufficientDataActions")]
        private InputList<string>? _insufficientDataActions;

        public InputList<string> InsufficientDataActions
        {
            get => _insufficientDataActions ?? (_insufficientDataActions = new InputList<string>());
            set => _insufficientDataActions = value;
        }

        [Input("metricName")]
        public Input<string>? MetricName { get; set; }

        [Input("metricQueries")]
        private InputList<Inputs.MetricAlarmMetricQueryArgs>? _metricQueries;

        public InputList<Inputs.MetricAlarmMetricQueryArgs> MetricQueries
        {
            get => _metricQueries ?? (_metricQueries = new InputList<Inputs.MetricAlarmMetricQueryArgs>());
            set => _metricQueries = value;
        }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("namespace")]
        public Input<string>? Namespace { get; set; }

        [Input("okActions")]
        private InputList<string>? _okActions;

        public InputList<string> OkActions
        {
            get => _okActions ?? (_okActions = new InputList<string>());
            set => _okActions = value;
        }

        [Input("period")]
        public Input<int>? Period { get; set; }

        [Input("statistic")]
        public Input<string>? Statistic { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("threshold")]
        public Input<double>? Threshold { get; set; }

        [Input("treatMissingData")]
        public Input<string>? TreatMissingData { get; set; }

        [Input("unit")]
        public Input<string>? Unit { get; set; }
    }
}
