namespace Amazon.ECS.Model;

/// <summary>The services found, and one failure per name that was not (ECS answers 200 with <c>MISSING</c> failures).</summary>
public class DescribeServicesResponse
{
    public List<Service>? Services { get; set; }

    public List<Failure>? Failures { get; set; }
}
