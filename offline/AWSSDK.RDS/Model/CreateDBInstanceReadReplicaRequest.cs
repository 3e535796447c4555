namespace Amazon.RDS.Model;

/// <summary>
/// CreateDBInstanceReadReplica parameters used here. For a cross-region replica <see cref="SourceDBInstanceIdentifier"/>
/// is the source's ARN, <see cref="KmsKeyId"/> a key of this region, and <see cref="SourceRegion"/> the source's region,
/// from which the client presigns the request the service sends there.
/// </summary>
public class CreateDBInstanceReadReplicaRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? SourceDBInstanceIdentifier { get; set; }

    public string? KmsKeyId { get; set; }

    public string? DBSubnetGroupName { get; set; }

    public List<string>? VpcSecurityGroupIds { get; set; }

    public string? SourceRegion { get; set; }

    public string? DBInstanceClass { get; set; }

    public string? DBParameterGroupName { get; set; }

    public bool? MultiAZ { get; set; }

    public bool? DeletionProtection { get; set; }

    public bool? CopyTagsToSnapshot { get; set; }
}
