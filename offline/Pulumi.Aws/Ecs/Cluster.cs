using System.Collections.Immutable;

namespace Pulumi.Aws.Ecs
{
    /// <summary>An ECS cluster.</summary>
    [AwsResourceType("aws:ecs/cluster:Cluster")]
    public partial class Cluster : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        [Output("tagsAll")]
        public Output<ImmutableDictionary<string, string>> TagsAll { get; private set; } = null!;

        public Cluster(string name, ClusterArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ecs/cluster:Cluster", name, args ?? new ClusterArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ClusterArgs : global::Pulumi.ResourceArgs
    {
        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("settings")]
        private InputList<Inputs.ClusterSettingArgs>? _settings;

        public InputList<Inputs.ClusterSettingArgs> Settings
        {
            get => _settings ?? (_settings = new InputList<Inputs.ClusterSettingArgs>());
            set => _settings = value;
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
