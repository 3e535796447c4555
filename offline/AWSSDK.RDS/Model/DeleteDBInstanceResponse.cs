namespace Amazon.RDS.Model;

/// <summary>DeleteDBInstance's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class DeleteDBInstanceResponse
{
}
