namespace Amazon.CloudWatch.Model;

/// <summary>One page of DescribeAlarms. As in SDK v4, <see cref="MetricAlarms"/> is null when the service returned none.</summary>
public class DescribeAlarmsResponse
{
    public List<MetricAlarm>? MetricAlarms { get; set; }

    /// <summary>Set when more pages follow.</summary>
    public string? NextToken { get; set; }
}
