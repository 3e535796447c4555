namespace Amazon.RDS.Model;

/// <summary>PromoteReadReplica's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class PromoteReadReplicaResponse
{
}
