namespace Pulumi.Aws.Ecr
{
    /// <summary>The registry's replication rules, in the provider's region: one such configuration per registry and region.</summary>
    [AwsResourceType("aws:ecr/replicationConfiguration:ReplicationConfiguration")]
    public partial class ReplicationConfiguration : global::Pulumi.CustomResource
    {
        [Output("registryId")]
        public Output<string> RegistryId { get; private set; } = null!;

        public ReplicationConfiguration(string name, ReplicationConfigurationArgs? args = null, CustomResourceOptions? options = null)
            : base("aws:ecr/replicationConfiguration:ReplicationConfiguration", name, args ?? new ReplicationConfigurationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class ReplicationConfigurationArgs : global::Pulumi.ResourceArgs
    {
        [Input("replicationConfiguration")]
        public Input<Inputs.ReplicationConfigurationReplicationConfigurationArgs>? ReplicationConfigurationDetails { get; set; }
    }
}
