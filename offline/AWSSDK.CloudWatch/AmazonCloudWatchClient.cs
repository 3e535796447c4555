using Amazon.CloudWatch.Internal;
using Amazon.CloudWatch.Model;
using Amazon.Offline;

namespace Amazon.CloudWatch;

/// <summary>
/// Offline CloudWatch client. It speaks the wire protocol the real v4 client speaks (Smithy RPC v2 CBOR, see
/// <see cref="RpcV2Cbor"/>) to the endpoint override the real SDK honours (AWS_ENDPOINT_URL_CLOUDWATCH, then
/// AWS_ENDPOINT_URL), on loopback only: it cannot sign requests (no SigV4 offline), so its requests are unsigned and
/// it refuses, with a message that says so, to call AWS or any endpoint that is not on this machine.
/// </summary>
public class AmazonCloudWatchClient : IAmazonCloudWatch
{
    /// <summary>CloudWatch's service id is "CloudWatch".</summary>
    private static readonly LoopbackEndpoint Override = new("AWSSDK.CloudWatch", "CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH");

    private readonly string? _region;

    public AmazonCloudWatchClient()
    {
        _region = Environment.GetEnvironmentVariable("AWS_REGION");
    }

    /// <summary>A client for <paramref name="region"/> rather than the one AWS_REGION names.</summary>
    public AmazonCloudWatchClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default) =>
        RpcV2Cbor.CallAsync(Endpoint("read alarm states"), DescribeAlarmsWire.Operation, DescribeAlarmsWire.Request(request), DescribeAlarmsWire.Response, cancellationToken);

    public virtual Task<GetMetricStatisticsResponse> GetMetricStatisticsAsync(GetMetricStatisticsRequest request, CancellationToken cancellationToken = default) =>
        RpcV2Cbor.CallAsync(Endpoint("read metrics"), GetMetricStatisticsWire.Operation, GetMetricStatisticsWire.Request(request), GetMetricStatisticsWire.Response, cancellationToken);

    public virtual Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken = default) =>
        RpcV2Cbor.CallAsync(Endpoint("read metrics"), GetMetricDataWire.Operation, GetMetricDataWire.Request(request), GetMetricDataWire.Response, cancellationToken);

    private Uri Endpoint(string purpose) => Override.Require(_region, purpose);
}
