namespace Amazon.RDS.Model;

/// <summary>RebootDBInstance parameters used here: the instance to reboot (no failover), applying a parameter group that is pending-reboot.</summary>
public class RebootDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }
}
