namespace Amazon.Route53.Model;

/// <summary>UpdateHealthCheck parameters used here: the health check and whether Route 53 inverts its status.</summary>
public class UpdateHealthCheckRequest
{
    public string? HealthCheckId { get; set; }

    public bool? Inverted { get; set; }
}
