namespace Amazon.RDS.Model;

/// <summary>
/// StartDBInstanceAutomatedBackupsReplication, sent to the region the backups are copied to. <see cref="SourceRegion"/>
/// is the real SDK's hand-written member from which its client presigns <c>PreSignedUrl</c> (needed in GovCloud only); not on the wire.
/// </summary>
public class StartDBInstanceAutomatedBackupsReplicationRequest
{
    public string? SourceDBInstanceArn { get; set; }

    /// <summary>A KMS key of the destination region, which encrypts the replicated backups.</summary>
    public string? KmsKeyId { get; set; }

    public int? BackupRetentionPeriod { get; set; }

    public string? SourceRegion { get; set; }
}
