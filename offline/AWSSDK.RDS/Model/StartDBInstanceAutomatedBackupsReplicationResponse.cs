namespace Amazon.RDS.Model;

/// <summary>StartDBInstanceAutomatedBackupsReplication's answer: the replicated backups, whose ARN names them from now on.</summary>
public class StartDBInstanceAutomatedBackupsReplicationResponse
{
    public DBInstanceAutomatedBackup? DBInstanceAutomatedBackup { get; set; }
}
