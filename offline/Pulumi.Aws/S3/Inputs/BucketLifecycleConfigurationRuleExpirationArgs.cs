namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>When objects expire.</summary>
    public sealed class BucketLifecycleConfigurationRuleExpirationArgs : global::Pulumi.ResourceArgs
    {
        [Input("days")]
        public Input<int>? Days { get; set; }
    }
}
