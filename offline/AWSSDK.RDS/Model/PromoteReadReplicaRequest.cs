namespace Amazon.RDS.Model;

/// <summary>PromoteReadReplica parameters used here: the replica to make a standalone instance.</summary>
public class PromoteReadReplicaRequest
{
    public string? DBInstanceIdentifier { get; set; }
}
