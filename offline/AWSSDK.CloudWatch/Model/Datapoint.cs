namespace Amazon.CloudWatch.Model;

/// <summary>One period's statistics (the members the runner reads); a statistic not asked for is null.</summary>
public class Datapoint
{
    public double? Maximum { get; set; }

    public DateTime? Timestamp { get; set; }
}
