namespace Amazon.Route53.Model;

/// <summary>UpdateHealthCheck's answer; nothing in it is read here.</summary>
public class UpdateHealthCheckResponse
{
}
