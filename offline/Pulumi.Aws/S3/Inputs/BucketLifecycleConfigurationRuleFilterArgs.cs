namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>Which objects a lifecycle rule applies to.</summary>
    public sealed class BucketLifecycleConfigurationRuleFilterArgs : global::Pulumi.ResourceArgs
    {
        [Input("prefix")]
        public Input<string>? Prefix { get; set; }
    }
}
