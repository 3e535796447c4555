namespace Amazon.ECS.Model;

/// <summary>DescribeTasks parameters: tasks of a cluster by ARN or id.</summary>
public class DescribeTasksRequest
{
    public string? Cluster { get; set; }

    public List<string>? Tasks { get; set; }
}
