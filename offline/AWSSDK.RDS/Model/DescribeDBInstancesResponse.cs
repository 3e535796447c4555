namespace Amazon.RDS.Model;

/// <summary>The instances found.</summary>
public class DescribeDBInstancesResponse
{
    public List<DBInstance>? DBInstances { get; set; }
}
