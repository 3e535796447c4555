namespace Amazon.RDS.Model;

/// <summary>DescribeDBInstances parameters used here: one instance by identifier, or those a filter (e.g. <c>dbi-resource-id</c>) matches.</summary>
public class DescribeDBInstancesRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public List<Filter>? Filters { get; set; }
}
