using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch;

/// <summary>
/// Offline stand-in for the CloudWatch client. There is no AWS endpoint offline, so a call fails with a message that
/// says so rather than inventing alarm states or metrics.
/// </summary>
public class AmazonCloudWatchClient : IAmazonCloudWatch
{
    private const string NoAws = "the offline AWSSDK.CloudWatch cannot reach AWS; build with the real packages (OfflineSdk=false) to ";

    public AmazonCloudWatchClient()
    {
    }

    /// <summary>A client for <paramref name="region"/> rather than the one AWS_REGION names.</summary>
    public AmazonCloudWatchClient(RegionEndpoint region)
    {
    }

    public virtual Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(NoAws + "read alarm states");

    public virtual Task<GetMetricStatisticsResponse> GetMetricStatisticsAsync(GetMetricStatisticsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(NoAws + "read metrics");
}
