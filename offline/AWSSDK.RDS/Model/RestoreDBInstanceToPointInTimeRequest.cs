namespace Amazon.RDS.Model;

/// <summary>RestoreDBInstanceToPointInTime parameters used here; the restored instance keeps the source's KMS key.</summary>
public class RestoreDBInstanceToPointInTimeRequest
{
    public string? SourceDBInstanceIdentifier { get; set; }

    public string? TargetDBInstanceIdentifier { get; set; }

    public DateTime? RestoreTime { get; set; }

    public string? DBSubnetGroupName { get; set; }

    public string? DBInstanceClass { get; set; }

    public List<string>? VpcSecurityGroupIds { get; set; }
}
