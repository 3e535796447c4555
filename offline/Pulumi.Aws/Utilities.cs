namespace Pulumi.Aws
{
    /// <summary>The provider version resources ask the engine for, as the real package pins it.</summary>
    internal static class Utilities
    {
        public const string Version = "7.48.0";

        /// <summary>Resource options with the package's version, merged under the caller's.</summary>
        public static CustomResourceOptions WithVersion(CustomResourceOptions? options, params string[] secretOutputs)
        {
            var defaults = new CustomResourceOptions { Version = Version };
            defaults.AdditionalSecretOutputs.AddRange(secretOutputs);
            return CustomResourceOptions.Merge(defaults, options);
        }
    }

    /// <summary>Names the AWS type token of a resource class.</summary>
    internal sealed class AwsResourceTypeAttribute : global::Pulumi.ResourceTypeAttribute
    {
        public AwsResourceTypeAttribute(string type) : base(type, Utilities.Version)
        {
        }
    }
}
