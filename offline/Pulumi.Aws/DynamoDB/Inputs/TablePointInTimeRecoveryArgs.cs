namespace Pulumi.Aws.DynamoDB.Inputs
{
    /// <summary>Continuous backups: the table can be restored to any second of the recovery period.</summary>
    public sealed class TablePointInTimeRecoveryArgs : global::Pulumi.ResourceArgs
    {
        [Input("enabled", required: true)]
        public Input<bool> Enabled { get; set; } = null!;

        [Input("recoveryPeriodInDays")]
        public Input<int>? RecoveryPeriodInDays { get; set; }
    }
}
