namespace Pulumi.Aws.Rds.Inputs
{
    /// <summary>Where and to when an instance is restored: a source instance or its replicated backups, and a time or the latest one.</summary>
    public sealed class InstanceRestoreToPointInTimeArgs : global::Pulumi.ResourceArgs
    {
        [Input("restoreTime")]
        public Input<string>? RestoreTime { get; set; }

        [Input("sourceDbInstanceAutomatedBackupsArn")]
        public Input<string>? SourceDbInstanceAutomatedBackupsArn { get; set; }

        [Input("sourceDbInstanceIdentifier")]
        public Input<string>? SourceDbInstanceIdentifier { get; set; }

        [Input("sourceDbiResourceId")]
        public Input<string>? SourceDbiResourceId { get; set; }

        [Input("useLatestRestorableTime")]
        public Input<bool>? UseLatestRestorableTime { get; set; }
    }
}
