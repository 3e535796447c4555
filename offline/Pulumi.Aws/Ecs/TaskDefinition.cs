using System.Collections.Immutable;

namespace Pulumi.Aws.Ecs
{
    /// <summary>An ECS task definition; each change makes a new revision.</summary>
    [AwsResourceType("aws:ecs/taskDefinition:TaskDefinition")]
    public partial class TaskDefinition : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("arnWithoutRevision")]
        public Output<string> ArnWithoutRevision { get; private set; } = null!;

        [Output("containerDefinitions")]
        public Output<string> ContainerDefinitions { get; private set; } = null!;

        [Output("cpu")]
        public Output<string?> Cpu { get; private set; } = null!;

        [Output("executionRoleArn")]
        public Output<string?> ExecutionRoleArn { get; private set; } = null!;

        [Output("family")]
        public Output<string> Family { get; private set; } = null!;

        [Output("memory")]
        public Output<string?> Memory { get; private set; } = null!;

        [Output("networkMode")]
        public Output<string> NetworkMode { get; private set; } = null!;

        [Output("requiresCompatibilities")]
        public Output<ImmutableArray<string>> RequiresCompatibilities { get; private set; } = null!;

        [Output("revision")]
        public Output<int> Revision { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        [Output("taskRoleArn")]
        public Output<string?> TaskRoleArn { get; private set; } = null!;

        public TaskDefinition(string name, TaskDefinitionArgs args, CustomResourceOptions? options = null)
            : base("aws:ecs/taskDefinition:TaskDefinition", name, args ?? new TaskDefinitionArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class TaskDefinitionArgs : global::Pulumi.ResourceArgs
    {
        [Input("containerDefinitions", required: true)]
        public Input<string> ContainerDefinitions { get; set; } = null!;

        [Input("cpu")]
        public Input<string>? Cpu { get; set; }

        [Input("executionRoleArn")]
        public Input<string>? ExecutionRoleArn { get; set; }

        [Input("family", required: true)]
        public Input<string> Family { get; set; } = null!;

        [Input("memory")]
        public Input<string>? Memory { get; set; }

        [Input("networkMode")]
        public Input<string>? NetworkMode { get; set; }

        [Input("requiresCompatibilities")]
        private InputList<string>? _requiresCompatibilities;

        public InputList<string> RequiresCompatibilities
        {
            get => _requiresCompatibilities ?? (_requiresCompatibilities = new InputList<string>());
            set => _requiresCompatibilities = value;
        }

        [Input("runtimePlatform")]
        public Input<Inputs.TaskDefinitionRuntimePlatformArgs>? RuntimePlatform { get; set; }

        [Input("skipDestroy")]
        public Input<bool>? SkipDestroy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("taskRoleArn")]
        public Input<string>? TaskRoleArn { get; set; }

        [Input("trackLatest")]
        public Input<bool>? TrackLatest { get; set; }
    }
}
