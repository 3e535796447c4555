namespace Amazon.ECS.Model;

/// <summary>A task's overrides of its task definition: per container.</summary>
public class TaskOverride
{
    public List<ContainerOverride>? ContainerOverrides { get; set; }
}
