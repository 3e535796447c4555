namespace Pulumi.Aws
{
    /// <summary>An AWS provider instance, e.g. one per region.</summary>
    [AwsResourceType("pulumi:providers:aws")]
    public partial class Provider : global::Pulumi.ProviderResource
    {
        [Output("region")]
        public Output<string?> Region { get; private set; } = null!;

        public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)
            : base("aws", name, args ?? new ProviderArgs(), Utilities.WithVersion(options, "accessKey", "secretKey", "token"))
        {
        }
    }

    public sealed class ProviderArgs : global::Pulumi.ResourceArgs
    {
        [Input("region")]
        public Input<string>? Region { get; set; }

        [Input("defaultTags", json: true)]
        public Input<Inputs.ProviderDefaultTagsArgs>? DefaultTags { get; set; }
    }
}

namespace Pulumi.Aws.Inputs
{
    public sealed class ProviderDefaultTagsArgs : global::Pulumi.ResourceArgs
    {
        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
