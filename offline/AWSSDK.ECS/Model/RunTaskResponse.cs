namespace Amazon.ECS.Model;

/// <summary>The tasks started and, for those ECS could not place, why.</summary>
public class RunTaskResponse
{
    public List<Task>? Tasks { get; set; }

    public List<Failure>? Failures { get; set; }
}
