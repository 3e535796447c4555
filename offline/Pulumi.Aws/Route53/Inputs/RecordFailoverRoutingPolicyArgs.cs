namespace Pulumi.Aws.Route53.Inputs
{
    /// <summary>Whether a record is the PRIMARY or the SECONDARY of a failover pair.</summary>
    public sealed class RecordFailoverRoutingPolicyArgs : global::Pulumi.ResourceArgs
    {
        [Input("type", required: true)]
        public Input<string> Type { get; set; } = null!;
    }
}
