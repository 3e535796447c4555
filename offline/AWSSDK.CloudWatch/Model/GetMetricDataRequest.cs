namespace Amazon.CloudWatch.Model;

/// <summary>GetMetricData parameters (the members the runner sets). As in SDK v4, collections are null until set.</summary>
public class GetMetricDataRequest
{
    /// <summary>Exclusive end of the window (UTC).</summary>
    public DateTime? EndTime { get; set; }

    /// <summary>Up to 500 queries, each answered under its <see cref="MetricDataQuery.Id"/>.</summary>
    public List<MetricDataQuery>? MetricDataQueries { get; set; }

    /// <summary>The previous answer's token, to read the next page.</summary>
    public string? NextToken { get; set; }

    /// <summary>Inclusive start of the window (UTC).</summary>
    public DateTime? StartTime { get; set; }
}
