namespace Amazon.RDS.Model;

/// <summary>The DB instance members the runner reads.</summary>
public class DBInstance
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBInstanceArn { get; set; }

    /// <summary>The region-unique, immutable id of the instance (<c>db-…</c>); a rename keeps it.</summary>
    public string? DbiResourceId { get; set; }

    /// <summary>e.g. <c>creating</c>, <c>available</c>, <c>modifying</c>, <c>deleting</c>.</summary>
    public string? DBInstanceStatus { get; set; }

    public Endpoint? Endpoint { get; set; }

    public string? KmsKeyId { get; set; }

    /// <summary>The source this instance replicates; null once it is not (or never was) a read replica.</summary>
    public string? ReadReplicaSourceDBInstanceIdentifier { get; set; }

    public DBSubnetGroup? DBSubnetGroup { get; set; }

    public List<VpcSecurityGroupMembership>? VpcSecurityGroups { get; set; }

    public List<DBParameterGroupStatus>? DBParameterGroups { get; set; }

    /// <summary>Its automated backups replicated to other regions (for a source instance).</summary>
    public List<DBInstanceAutomatedBackupsReplication>? DBInstanceAutomatedBackupsReplications { get; set; }
}
