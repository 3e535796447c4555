namespace Amazon.CloudWatch.Model;

/// <summary>GetMetricStatistics parameters (the members the runner sets). As in SDK v4, collections are null until set.</summary>
public class GetMetricStatisticsRequest
{
    /// <summary>Every dimension the metric was published with.</summary>
    public List<Dimension>? Dimensions { get; set; }

    /// <summary>Exclusive end of the window (UTC).</summary>
    public DateTime? EndTime { get; set; }

    public string? MetricName { get; set; }

    public string? Namespace { get; set; }

    /// <summary>Seconds per data point; a multiple of 60 for regular-resolution metrics.</summary>
    public int? Period { get; set; }

    /// <summary>Inclusive start of the window (UTC).</summary>
    public DateTime? StartTime { get; set; }

    /// <summary>Statistic names as CloudWatch spells them: SampleCount, Average, Sum, Minimum, Maximum.</summary>
    public List<string>? Statistics { get; set; }
}
