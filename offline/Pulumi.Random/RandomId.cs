using System.Collections.Immutable;

namespace Pulumi.Random
{
    /// <summary>Random bytes, rendered as hex, decimal and base64, e.g. a unique name suffix.</summary>
    [RandomResourceType("random:index/randomId:RandomId")]
    public partial class RandomId : global::Pulumi.CustomResource
    {
        [Output("b64Std")]
        public Output<string> B64Std { get; private set; } = null!;

        [Output("b64Url")]
        public Output<string> B64Url { get; private set; } = null!;

        [Output("byteLength")]
        public Output<int> ByteLength { get; private set; } = null!;

        [Output("dec")]
        public Output<string> Dec { get; private set; } = null!;

        [Output("hex")]
        public Output<string> Hex { get; private set; } = null!;

        [Output("keepers")]
        public Output<ImmutableDictionary<string, string>?> Keepers { get; private set; } = null!;

        [Output("prefix")]
        public Output<string?> Prefix { get; private set; } = null!;

        public RandomId(string name, RandomIdArgs args, CustomResourceOptions? options = null)
            : base("random:index/randomId:RandomId", name, args ?? new RandomIdArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class RandomIdArgs : global::Pulumi.ResourceArgs
    {
        [Input("byteLength", required: true)]
        public Input<int> ByteLength { get; set; } = null!;

        [Input("keepers")]
        private InputMap<string>? _keepers;

        public InputMap<string> Keepers
        {
            get => _keepers ?? (_keepers = new InputMap<string>());
            set => _keepers = value;
        }

        [Input("prefix")]
        public Input<string>? Prefix { get; set; }
    }
}
