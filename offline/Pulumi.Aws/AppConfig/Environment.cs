using System.Collections.Immutable;

namespace Pulumi.Aws.AppConfig
{
    /// <summary>An AppConfig environment, whose monitors roll a deployment back when one of their alarms fires.</summary>
    [AwsResourceType("aws:appconfig/environment:Environment")]
    public partial class Environment : global::Pulumi.CustomResource
    {
        [Output("applicationId")]
        public Output<string> ApplicationId { get; private set; } = null!;

        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("environmentId")]
        public Output<string> EnvironmentId { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Environment(string name, EnvironmentArgs args, CustomResourceOptions? options = null)
            : base("aws:appconfig/environment:Environment", name, args ?? new EnvironmentArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class EnvironmentArgs : global::Pulumi.ResourceArgs
    {
        [Input("applicationId", required: true)]
        public Input<string> ApplicationId { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("monitors")]
        private InputList<Inputs.EnvironmentMonitorArgs>? _monitors;

        public InputList<Inputs.EnvironmentMonitorArgs> Monitors
        {
            get => _monitors ?? (_monitors = new InputList<Inputs.EnvironmentMonitorArgs>());
            set => _monitors = value;
        }

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
