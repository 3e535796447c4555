namespace Pulumi.Aws.Ecr.Inputs
{
    /// <summary>Which repositories a rule copies; ECR supports only <c>PREFIX_MATCH</c> on the repository name.</summary>
    public sealed class ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs : global::Pulumi.ResourceArgs
    {
        [Input("filter", required: true)]
        public Input<string> Filter { get; set; } = null!;

        [Input("filterType", required: true)]
        public Input<string> FilterType { get; set; } = null!;
    }
}
