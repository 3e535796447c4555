namespace Pulumi.Aws.Ecr.Inputs
{
    /// <summary>Where one rule copies images to, and which repositories it copies (all when no filter is given).</summary>
    public sealed class ReplicationConfigurationReplicationConfigurationRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("destinations", required: true)]
        private InputList<ReplicationConfigurationReplicationConfigurationRuleDestinationArgs>? _destinations;

        public InputList<ReplicationConfigurationReplicationConfigurationRuleDestinationArgs> Destinations
        {
            get => _destinations ?? (_destinations = new InputList<ReplicationConfigurationReplicationConfigurationRuleDestinationArgs>());
            set => _destinations = value;
        }

        [Input("repositoryFilters")]
        private InputList<ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs>? _repositoryFilters;

        public InputList<ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs> RepositoryFilters
        {
            get => _repositoryFilters ?? (_repositoryFilters = new InputList<ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs>());
            set => _repositoryFilters = value;
        }
    }
}
