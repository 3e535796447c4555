namespace Pulumi.Aws.S3.Inputs
{
    /// <summary>When unfinished multipart uploads are removed.</summary>
    public sealed class BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs : global::Pulumi.ResourceArgs
    {
        [Input("daysAfterInitiation")]
        public Input<int>? DaysAfterInitiation { get; set; }
    }
}
