namespace Amazon.ECS.Model;

/// <summary>A container of a task: its exit code once it stopped (unset when it never ran), and why it stopped.</summary>
public class Container
{
    public string? Name { get; set; }

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }
}
