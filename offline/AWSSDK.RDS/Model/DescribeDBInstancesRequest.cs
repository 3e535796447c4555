namespace Amazon.RDS.Model;

/// <summary>DescribeDBInstances parameters used here: one instance by identifier.</summary>
public class DescribeDBInstancesRequest
{
    public string? DBInstanceIdentifier { get; set; }
}
