namespace Amazon.ApplicationAutoScaling.Model;

/// <summary>Registers a scalable target, or updates the range of one that exists (members left null are not changed).</summary>
public class RegisterScalableTargetRequest
{
    public int? MaxCapacity { get; set; }

    public int? MinCapacity { get; set; }

    public string? ResourceId { get; set; }

    public ScalableDimension? ScalableDimension { get; set; }

    public ServiceNamespace? ServiceNamespace { get; set; }
}
