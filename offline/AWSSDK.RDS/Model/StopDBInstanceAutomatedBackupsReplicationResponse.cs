namespace Amazon.RDS.Model;

/// <summary>StopDBInstanceAutomatedBackupsReplication's answer; the runner reads the source back with DescribeDBInstances instead.</summary>
public class StopDBInstanceAutomatedBackupsReplicationResponse
{
}
