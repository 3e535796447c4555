namespace Amazon.CloudWatch.Model;

/// <summary>A metric, the period of its data points in seconds and the statistic (e.g. Sum, Minimum, p99).</summary>
public class MetricStat
{
    public Metric? Metric { get; set; }

    public int? Period { get; set; }

    public string? Stat { get; set; }
}
