using System.Collections.Immutable;

namespace Pulumi.Aws.AppConfig
{
    /// <summary>An AppConfig configuration profile (e.g. hosted feature flags).</summary>
    [AwsResourceType("aws:appconfig/configurationProfile:ConfigurationProfile")]
    public partial class ConfigurationProfile : global::Pulumi.CustomResource
    {
        [Output("applicationId")]
        public Output<string> ApplicationId { get; private set; } = null!;

        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("configurationProfileId")]
        public Output<string> ConfigurationProfileId { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public ConfigurationProfile(string name, ConfigurationProfileArgs args, CustomResourceOptions? options = null)
            : base("aws:appconfig/configurationProfile:ConfigurationProfile", name, args ?? new ConfigurationProfileArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ConfigurationProfileArgs : global::Pulumi.ResourceArgs
    {
        [Input("applicationId", required: true)]
        public Input<string> ApplicationId { get; set; } = null!;

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("locationUri", required: true)]
        public Input<string> LocationUri { get; set; } = null!;

        [Input("name")]
        public Input<string>? Name { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }

        [Input("type")]
        public Input<string>? Type { get; set; }
    }
}
