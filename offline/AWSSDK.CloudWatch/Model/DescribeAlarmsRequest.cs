namespace Amazon.CloudWatch.Model;

/// <summary>DescribeAlarms parameters. As in SDK v4, the collection is null until set.</summary>
public class DescribeAlarmsRequest
{
    /// <summary>At most 100 names per request.</summary>
    public List<string>? AlarmNames { get; set; }

    /// <summary>1 to 100; unset lets the service choose.</summary>
    public int? MaxRecords { get; set; }

    /// <summary>The token from the previous page's response.</summary>
    public string? NextToken { get; set; }
}
