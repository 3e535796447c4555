using System.Collections.Immutable;

namespace Pulumi.Aws.AppConfig
{
    /// <summary>How fast AppConfig rolls a configuration out and how long it bakes afterwards.</summary>
    [AwsResourceType("aws:appconfig/deploymentStrategy:DeploymentStrategy")]
    public partial class DeploymentStrategy : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public DeploymentStrategy(string name, DeploymentStrategyArgs args, CustomResourceOptions? options = null)
            : base("aws:appconfig/deploymentStrategy:DeploymentStrategy", name, args ?? new DeploymentStrategyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class DeploymentStrategyArgs : global::Pulumi.ResourceArgs
    {
        [Input("deploymentDurationInMinutes", required: true)]
        public Input<int> DeploymentDurationInMinutes { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("finalBakeTimeInMinutes")]
        public Input<int>? FinalBakeTimeInMinutes { get; set; }

        [Input("growthFactor", required: true)]
        public Input<double> GrowthFactor { get; set; } = null!;

        [Input("growthType")]
        public Input<string>? GrowthType { get; set; }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("replicateTo", required: true)]
        public Input<string> ReplicateTo { get; set; } = null!;

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
