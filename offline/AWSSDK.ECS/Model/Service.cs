namespace Amazon.ECS.Model;

/// <summary>A service's name, status (ACTIVE, DRAINING, INACTIVE) and task counts.</summary>
public class Service
{
    public string? ServiceName { get; set; }

    public string? Status { get; set; }

    public int? DesiredCount { get; set; }

    public int? RunningCount { get; set; }
}
