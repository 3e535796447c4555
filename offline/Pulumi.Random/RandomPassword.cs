using System.Collections.Immutable;

namespace Pulumi.Random
{
    /// <summary>A generated password; its result and bcrypt hash are secret outputs.</summary>
    [RandomResourceType("random:index/randomPassword:RandomPassword")]
    public partial class RandomPassword : global::Pulumi.CustomResource
    {
        [Output("bcryptHash")]
        public Output<string> BcryptHash { get; private set; } = null!;

        [Output("keepers")]
        public Output<ImmutableDictionary<string, string>?> Keepers { get; private set; } = null!;

        [Output("length")]
        public Output<int> Length { get; private set; } = null!;

        [Output("result")]
        public Output<string> Result { get; private set; } = null!;

        public RandomPassword(string name, RandomPasswordArgs args, CustomResourceOptions? options = null)
            : base("random:index/randomPassword:RandomPassword", name, args ?? new RandomPasswordArgs(),
                Utilities.WithVersion(options, "bcryptHash", "result"))
        {
        }
    }

    public sealed class RandomPasswordArgs : global::Pulumi.ResourceArgs
    {
        [Input("keepers")]
        private InputMap<string>? _keepers;

        public InputMap<string> Keepers
        {
            get => _keepers ?? (_keepers = new InputMap<string>());
            set => _keepers = value;
        }

        [Input("length", required: true)]
        public Input<int> Length { get; set; } = null!;

        [Input("lower")]
        public Input<bool>? Lower { get; set; }

        [Input("minLower")]
        public Input<int>? MinLower { get; set; }

        [Input("minNumeric")]
        public Input<int>? MinNumeric { get; set; }

        [Input("minSpecial")]
        public Input<int>? MinSpecial { get; set; }

        [Input("minUpper")]
        public Input<int>? MinUpper { get; set; }

        [Input("numeric")]
        public Input<bool>? Numeric { get; set; }

        [Input("overrideSpecial")]
        public Input<string>? OverrideSpecial { get; set; }

        [Input("special")]
        public Input<bool>? Special { get; set; }

        [Input("upper")]
        public Input<bool>? Upper { get; set; }
    }
}
