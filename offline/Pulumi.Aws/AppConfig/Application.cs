using System.Collections.Immutable;

namespace Pulumi.Aws.AppConfig
{
    /// <summary>An AppConfig application: the container of environments and configuration profiles.</summary>
    [AwsResourceType("aws:appconfig/application:Application")]
    public partial class Application : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Application(string name, ApplicationArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:appconfig/application:Application", name, args ?? new ApplicationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ApplicationArgs : global::Pulumi.ResourceArgs
    {
        [Input("description")]
        public Input<string>? Description { get; set; }

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
