namespace Amazon.RDS.Model;

/// <summary>RebootDBInstance's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class RebootDBInstanceResponse
{
}
