namespace Pulumi.Aws.LB.Inputs
{
    /// <summary>How the load balancer checks a target's health.</summary>
    public sealed class TargetGroupHealthCheckArgs : global::Pulumi.ResourceArgs
    {
        [Input("enabled")]
        public Input<bool>? Enabled { get; set; }

        [Input("healthyThreshold")]
        public Input<int>? HealthyThreshold { get; set; }

        [Input("interval")]
        public Input<int>? Interval { get; set; }

        [Input("matcher")]
        public Input<string>? Matcher { get; set; }

        [Input("path")]
        public Input<string>? Path { get; set; }

        [Input("port")]
        public Input<string>? Port { get; set; }

        [Input("protocol")]
        public Input<string>? Protocol { get; set; }

        [Input("timeout")]
        public Input<int>? Timeout { get; set; }

        [Input("unhealthyThreshold")]
        public Input<int>? UnhealthyThreshold { get; set; }
    }
}
