namespace Amazon.ECS.Model;

/// <summary>A task's ARN, status (PROVISIONING … RUNNING … STOPPED), why it stopped, and its containers.</summary>
public class Task
{
    public string? TaskArn { get; set; }

    public string? LastStatus { get; set; }

    public string? StoppedReason { get; set; }

    public List<Container>? Containers { get; set; }
}
