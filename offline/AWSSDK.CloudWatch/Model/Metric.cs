namespace Amazon.CloudWatch.Model;

/// <summary>A metric's identity: namespace, name and every dimension it was published with.</summary>
public class Metric
{
    public List<Dimension>? Dimensions { get; set; }

    public string? MetricName { get; set; }

    public string? Namespace { get; set; }
}
