namespace Pulumi.Aws.Rds
{
    /// <summary>Copies an instance's automated backups to another region (declared with that region's provider).</summary>
    [AwsResourceType("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication")]
    public partial class InstanceAutomatedBackupsReplication : global::Pulumi.CustomResource
    {
        [Output("kmsKeyId")]
        public Output<string> KmsKeyId { get; private set; } = null!;

        [Output("retentionPeriod")]
        public Output<int?> RetentionPeriod { get; private set; } = null!;

        [Output("sourceDbInstanceArn")]
        public Output<string> SourceDbInstanceArn { get; private set; } = null!;

        public InstanceAutomatedBackupsReplication(string name, InstanceAutomatedBackupsReplicationArgs args, CustomResourceOptions? options = null)
            : base("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", name,
                args ?? new InstanceAutomatedBackupsReplicationArgs(), Utilities.WithVersion(options))
        {
        }
    }

    public sealed class InstanceAutomatedBackupsReplicationArgs : global::Pulumi.ResourceArgs
    {
        [Input("kmsKeyId")]
        public Input<string>? KmsKeyId { get; set; }

        [Input("retentionPeriod")]
        public Input<int>? RetentionPeriod { get; set; }

        [Input("sourceDbInstanceArn", required: true)]
        public Input<string> SourceDbInstanceArn { get; set; } = null!;
    }
}
