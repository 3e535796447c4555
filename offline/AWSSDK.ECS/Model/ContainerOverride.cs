namespace Amazon.ECS.Model;

/// <summary>What one container of a task runs instead of its definition's command.</summary>
public class ContainerOverride
{
    public string? Name { get; set; }

    public List<string>? Command { get; set; }
}
