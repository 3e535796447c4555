namespace Pulumi.Aws.Ecr.Inputs
{
    /// <summary>A destination registry: its region and account id.</summary>
    public sealed class ReplicationConfigurationReplicationConfigurationRuleDestinationArgs : global::Pulumi.ResourceArgs
    {
        [Input("region", required: true)]
        public Input<string> Region { get; set; } = null!;

        [Input("registryId", required: true)]
        public Input<string> RegistryId { get; set; } = null!;
    }
}
