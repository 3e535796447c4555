namespace Amazon.ECS.Model;

/// <summary>UpdateService parameters used here: which service of which cluster, and its new task count.</summary>
public class UpdateServiceRequest
{
    public string? Cluster { get; set; }

    public string? Service { get; set; }

    public int? DesiredCount { get; set; }
}
