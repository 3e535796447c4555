using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch;

/// <summary>The CloudWatch client interface (the operation the runner calls).</summary>
public interface IAmazonCloudWatch
{
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default);
}
