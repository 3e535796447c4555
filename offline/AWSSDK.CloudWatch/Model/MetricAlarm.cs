namespace Amazon.CloudWatch.Model;

/// <summary>A metric alarm as DescribeAlarms returns it (the members the runner reads).</summary>
public class MetricAlarm
{
    public string? AlarmName { get; set; }

    public StateValue? StateValue { get; set; }
}
