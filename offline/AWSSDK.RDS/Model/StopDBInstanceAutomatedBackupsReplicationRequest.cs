namespace Amazon.RDS.Model;

/// <summary>StopDBInstanceAutomatedBackupsReplication, sent to the region the backups are copied to.</summary>
public class StopDBInstanceAutomatedBackupsReplicationRequest
{
    public string? SourceDBInstanceArn { get; set; }
}
