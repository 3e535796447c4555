namespace Amazon.ECS.Model;

/// <summary>RunTask parameters used here: one task of a task definition, with overrides, in given subnets.</summary>
public class RunTaskRequest
{
    public string? Cluster { get; set; }

    public string? TaskDefinition { get; set; }

    public LaunchType? LaunchType { get; set; }

    public NetworkConfiguration? NetworkConfiguration { get; set; }

    public TaskOverride? Overrides { get; set; }

    /// <summary>Up to 128 characters; ListTasks can filter by it.</summary>
    public string? StartedBy { get; set; }

    /// <summary>
    /// Makes the call idempotent per cluster: up to 64 ASCII characters 33-126. Unset, the client sends a new GUID, as
    /// the real marshaller does, so only a caller's own token makes a retry from another process start nothing new.
    /// </summary>
    public string? ClientToken { get; set; }
}
