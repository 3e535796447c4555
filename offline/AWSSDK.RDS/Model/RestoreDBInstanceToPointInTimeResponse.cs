namespace Amazon.RDS.Model;

/// <summary>RestoreDBInstanceToPointInTime's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class RestoreDBInstanceToPointInTimeResponse
{
}
