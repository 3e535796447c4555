namespace Pulumi.Aws.Route53.Inputs
{
    /// <summary>The AWS target (e.g. a load balancer's DNS name and zone) an alias record resolves to.</summary>
    public sealed class RecordAliasArgs : global::Pulumi.ResourceArgs
    {
        [Input("evaluateTargetHealth", required: true)]
        public Input<bool> EvaluateTargetHealth { get; set; } = null!;

        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("zoneId", required: true)]
        public Input<string> ZoneId { get; set; } = null!;
    }
}
