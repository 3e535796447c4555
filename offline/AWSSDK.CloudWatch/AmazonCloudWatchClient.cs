using Amazon.CloudWatch.Model;

namespace Amazon.CloudWatch;

/// <summary>
/// Offline stand-in for the CloudWatch client. There is no AWS endpoint offline, so a call fails with a message that
/// says so rather than inventing alarm states.
/// </summary>
public class AmazonCloudWatchClient : IAmazonCloudWatch
{
    public AmazonCloudWatchClient()
    {
    }

    public virtual Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(
            "the offline AWSSDK.CloudWatch cannot reach AWS; build with the real packages (OfflineSdk=false) to read alarm states");
}
