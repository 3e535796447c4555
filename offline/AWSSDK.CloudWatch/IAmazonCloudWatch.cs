using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch;

/// <summary>The CloudWatch client interface (the operations the runner calls).</summary>
public interface IAmazonCloudWatch
{
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default);

    Task<GetMetricStatisticsResponse> GetMetricStatisticsAsync(GetMetricStatisticsRequest request, CancellationToken cancellationToken = default);

    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default);
}
