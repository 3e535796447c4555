namespace Amazon.CloudWatch.Model;

/// <summary>GetMetricStatistics' answer. As in SDK v4, <see cref="Datapoints"/> is null when the service returned none.</summary>
public class GetMetricStatisticsResponse
{
    /// <summary>Not in chronological order.</summary>
    public List<Datapoint>? Datapoints { get; set; }
}
