namespace Amazon.RDS.Model;

/// <summary>The automated backups member the runner reads: the ARN of backups replicated to this region.</summary>
public class DBInstanceAutomatedBackup
{
    public string? DBInstanceAutomatedBackupsArn { get; set; }
}
