namespace Amazon.ECS.Model;

/// <summary>DescribeServices parameters: the cluster and up to 10 service names or ARNs.</summary>
public class DescribeServicesRequest
{
    public string? Cluster { get; set; }

    public List<string>? Services { get; set; }
}
