using System.Collections.Immutable;

namespace Pulumi.Aws.AppConfig
{
    /// <summary>The deployment of one configuration version to an environment.</summary>
    [AwsResourceType("aws:appconfig/deployment:Deployment")]
    public partial class Deployment : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("deploymentNumber")]
        public Output<int> DeploymentNumber { get; private set; } = null!;

        [Output("state")]
        public Output<string> State { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Deployment(string name, DeploymentArgs args, CustomResourceOptions? options = null)
            : base("aws:appconfig/deployment:Deployment", name, args ?? new DeploymentArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class DeploymentArgs : global::Pulumi.ResourceArgs
    {
        [Input("applicationId", required: true)]
        public Input<string> ApplicationId { get; set; } = null!;

        [Input("configurationProfileId", required: true)]
        public Input<string> ConfigurationProfileId { get; set; } = null!;

        [Input("configurationVersion", required: true)]
        public Input<string> ConfigurationVersion { get; set; } = null!;

        [Input("deploymentStrategyId", required: true)]
        public Input<string> DeploymentStrategyId { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("environmentId", required: true)]
        public Input<string> EnvironmentId { get; set; } = null!;

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
