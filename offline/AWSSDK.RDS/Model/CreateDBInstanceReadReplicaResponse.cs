namespace Amazon.RDS.Model;

/// <summary>CreateDBInstanceReadReplica's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class CreateDBInstanceReadReplicaResponse
{
}
