namespace Amazon.RDS.Model;

/// <summary>One of a DB instance's automated backups replicated to another region, named by its ARN there.</summary>
public class DBInstanceAutomatedBackupsReplication
{
    public string? DBInstanceAutomatedBackupsArn { get; set; }
}
