namespace Amazon.RDS.Model;

/// <summary>ModifyDBInstance's answer; the runner reads the instance back with DescribeDBInstances instead.</summary>
public class ModifyDBInstanceResponse
{
}
