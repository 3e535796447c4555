using System.Collections.Immutable;

namespace Pulumi.Aws.AppAutoScaling
{
    /// <summary>A scalable target, e.g. an ECS service's desired count between bounds.</summary>
    [AwsResourceType("aws:appautoscaling/target:Target")]
    public partial class Target : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("maxCapacity")]
        public Output<int> MaxCapacity { get; private set; } = null!;

        [Output("minCapacity")]
        public Output<int> MinCapacity { get; private set; } = null!;

        [Output("resourceId")]
        public Output<string> ResourceId { get; private set; } = null!;

        [Output("roleArn")]
        public Output<string> RoleArn { get; private set; } = null!;

        [Output("scalableDimension")]
        public Output<string> ScalableDimension { get; private set; } = null!;

        [Output("serviceNamespace")]
        public Output<string> ServiceNamespace { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public Target(string name, TargetArgs args, CustomResourceOptions? options = null)
            : base("aws:appautoscaling/target:Target", name, args ?? new TargetArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TargetArgs : global::Pulumi.ResourceArgs
    {
        [Input("maxCapacity", required: true)]
        public Input<int> MaxCapacity { get; set; } = null!;

        [Input("minCapacity", required: true)]
        public Input<int> MinCapacity { get; set; } = null!;

        [Input("resourceId", required: true)]
        public Input<string> ResourceId { get; set; } = null!;

        [Input("roleArn")]
        public Input<string>? RoleArn { get; set; }

        [Input("scalableDimension", required: true)]
        public Input<string> ScalableDimension { get; set; } = null!;

        [Input("serviceNamespace", required: true)]
        public Input<string> ServiceNamespace { get; set; } = null!;

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
