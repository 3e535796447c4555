using System.Collections.Immutable;

namespace Pulumi.Aws.Kms
{
    /// <summary>A customer managed KMS key (single- or multi-Region).</summary>
    [AwsResourceType("aws:kms/key:Key")]
    public partial class Key : global::Pulumi.CustomResource
    {
        [Output("arn")]
        public Output<string> Arn { get; private set; } = null!;

        [Output("keyId")]
        public Output<string> KeyId { get; private set; } = null!;

        [Output("multiRegion")]
        public Output<bool> MultiRegion { get; private set; } = null!;

        [Output("tags")]
        public Output<ImmutableDictionary<string, string>?> Tags { get; private set; } = null!;

        public Key(string name, KeyArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:kms/key:Key", name, args ?? new KeyArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class KeyArgs : global::Pulumi.ResourceArgs
    {
        [Input("deletionWindowInDays")]
        public Input<int>? DeletionWindowInDays { get; set; }

        [Input("description")]
        public Input<string>? Description { get; set; }

        [Input("enableKeyRotation")]
        public Input<bool>? EnableKeyRotation { get; set; }

        [Input("multiRegion")]
        public Input<bool>? MultiRegion { get; set; }

        [Input("policy")]
        public Input<string>? Policy { get; set; }

        [Input("tags")]
        private InputMap<string>? _tags;

        public InputMap<string> Tags
        {
            get => _tags ?? (_tags = new InputMap<string>());
            set => _tags = value;
        }
    }
}
