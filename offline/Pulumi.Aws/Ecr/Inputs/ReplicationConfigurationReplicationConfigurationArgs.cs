namespace Pulumi.Aws.Ecr.Inputs
{
    /// <summary>The replication rules of a registry (at most 10).</summary>
    public sealed class ReplicationConfigurationReplicationConfigurationArgs : global::Pulumi.ResourceArgs
    {
        [Input("rules", required: true)]
        private InputList<ReplicationConfigurationReplicationConfigurationRuleArgs>? _rules;

        public InputList<ReplicationConfigurationReplicationConfigurationRuleArgs> Rules
        {
            get => _rules ?? (_rules = new InputList<ReplicationConfigurationReplicationConfigurationRuleArgs>());
            set => _rules = value;
        }
    }
}
