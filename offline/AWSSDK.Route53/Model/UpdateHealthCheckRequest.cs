namespace Amazon.Route53.Model;

/// <summary>UpdateHealthCheck parameters used here: the health check and, for a calculated one, how many children must be healthy.</summary>
public class UpdateHealthCheckRequest
{
    public string? HealthCheckId { get; set; }

    public int? HealthThreshold { get; set; }
}
