namespace Amazon.CloudWatch.Model;

/// <summary>GetMetricData's answer (the members the runner reads); a page, continued while <see cref="NextToken"/> is set.</summary>
public class GetMetricDataResponse
{
    public List<MetricDataResult>? MetricDataResults { get; set; }

    public string? NextToken { get; set; }
}
