namespace Amazon.RDS.Model;

/// <summary>ModifyDBInstance parameters used here: renaming an instance, setting its backup retention and its parameter group, at once rather than in the maintenance window.</summary>
public class ModifyDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? NewDBInstanceIdentifier { get; set; }

    public bool? ApplyImmediately { get; set; }

    public int? BackupRetentionPeriod { get; set; }

    public string? DBParameterGroupName { get; set; }
}
