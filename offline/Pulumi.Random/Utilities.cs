namespace Pulumi.Random
{
    /// <summary>The provider version resources ask the engine for, as the real package pins it.</summary>
    internal static class Utilities
    {
        public const string Version = "4.21.2";

        /// <summary>Resource options with the package's version, merged under the caller's.</summary>
        public static CustomResourceOptions WithVersion(CustomResourceOptions? options, params string[] secretOutputs)
        {
            var defaults = new CustomResourceOptions { Version = Version };
            defaults.AdditionalSecretOutputs.AddRange(secretOutputs);
            return CustomResourceOptions.Merge(defaults, options);
        }
    }

    /// <summary>Names the random provider's type token (random:...) of a resource class.</summary>
    internal sealed class RandomResourceTypeAttribute : global::Pulumi.ResourceTypeAttribute
    {
        public RandomResourceTypeAttribute(string type) : base(type, Utilities.Version)
        {
        }
    }
}
