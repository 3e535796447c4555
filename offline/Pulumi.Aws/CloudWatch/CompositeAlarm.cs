namespace Pulumi.Aws.CloudWatch
{
    /// <summary>A CloudWatch alarm whose state is a rule over other alarms' states.</summary>
    [AwsResourceType("aws:cloudwatch/compositeAlarm:CompositeAlarm")]
    public partial class CompositeAlarm : global::Pulumi.CustomResource
    {
        [Output("alarmName")]
        public Output<string> AlarmName { get; private set; } = null!;

        [Output("alarmRule")]
        public Output<string> AlarmRule { get; private set; } = null!;

        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        public CompositeAlarm(string name, CompositeAlarmArgs args, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/compositeAlarm:CompositeAlarm", name, args ?? new CompositeAlarmArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class CompositeAlarmArgs : global::Pulumi.ResourceArgs
    {
        [Input("alarmActions")]
        private InputList<string>? _alarmActions;

        public InputList<string> AlarmActions
        {
            get => _alarmActions ?? (_alarmActions = new InputList<string>());
            set => _alarmActions = value;
        }

        [Input("alarmDescription")]
        public Input<string>? AlarmDescription { get; set; }

        [Input("alarmName", required: true)]
        public Input<string> AlarmName { get; set; } = null!;

        [Input("alarmRule", required: true)]
        public Input<string> AlarmRule { get; set; } = null!;

        [Input("okActions")]
        private InputList<string>? _okActions;

        public InputList<string> OkActions
        {
            get => _okActions ?? (_okActions = new InputList<string>());
            set => _okActions = value;
        }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
