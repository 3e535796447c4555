namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>Where a load balancer writes its access logs (an S3 bucket).</summary>
    public sealed class LoadBalancerAccessLogsArgs : global::Pulumi.ResourceArgs
    {
        [Input("bucket", required: true)]
        public Input<string> Bucket { get; set; } = null!;

        [Input("enabled")]
        public Input<bool>? Enabled { get; set; }

        [Input("prefix")]
        public Input<string>? Prefix { get; set; }
    }
}
