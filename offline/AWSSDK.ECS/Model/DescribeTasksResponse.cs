namespace Amazon.ECS.Model;

/// <summary>The tasks found; a task ECS does not know is a <c>MISSING</c> failure (HTTP 200).</summary>
public class DescribeTasksResponse
{
    public List<Task>? Tasks { get; set; }

    public List<Failure>? Failures { get; set; }
}
