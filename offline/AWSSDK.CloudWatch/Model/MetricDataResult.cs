namespace Amazon.CloudWatch.Model;

/// <summary>One query's data points in a page (the members the runner reads); as in SDK v4 the lists stay null when the page has none.</summary>
public class MetricDataResult
{
    public string? Id { get; set; }

    public List<DateTime>? Timestamps { get; set; }

    public List<double>? Values { get; set; }
}
