namespace Amazon.CloudWatch.Model;

/// <summary>One query of a GetMetricData request: a metric and statistic (the only form the runner uses) under an Id.</summary>
public class MetricDataQuery
{
    /// <summary>Starts with a lower-case letter; letters, digits and underscores; unique in the request.</summary>
    public string? Id { get; set; }

    public MetricStat? MetricStat { get; set; }
}
