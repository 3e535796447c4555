using System.Collections.Immutable;

namespace Pulumi.Aws.CloudWatch
{
    /// <summary>An EventBridge rule on an event bus: an event pattern, a schedule, or both.</summary>
    [AwsResourceType("aws:cloudwatch/eventRule:EventRule")]
    public partial class EventRule : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public EventRule(string name, EventRuleArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:cloudwatch/eventRule:EventRule", name, args ?? new EventRuleArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class EventRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("eventBusName")]
        public Input<string>? EventBusName { get; set; }

        [Input("eventPattern")]
        public Input<string>? EventPattern { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("scheduleExpression")]
        public Input<string>? ScheduleExpression { get; set; }

        [Input("state")]
        public Input<string>? State { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
