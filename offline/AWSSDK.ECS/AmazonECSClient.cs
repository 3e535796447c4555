using Amazon.ECS.Internal;
using Amazon.ECS.Model;
using Amazon.Offline;

namespace Amazon.ECS;

/// <summary>
/// Offline ECS client. It speaks AWS JSON 1.1 as the real v4 client does (target prefix
/// <c>AmazonEC2ContainerServiceV20141113</c>, from the ecs-2014-11-13 service model) to the endpoint override the real
/// SDK honours (AWS_ENDPOINT_URL_ECS, then AWS_ENDPOINT_URL), on loopback only: it cannot sign requests.
/// </summary>
public class AmazonECSClient
{
    private static readonly LoopbackEndpoint Override = new("AWSSDK.ECS", "ECS", "AWS_ENDPOINT_URL_ECS");

    private static readonly AwsJson11 Protocol = new("ECS", "AmazonEC2ContainerServiceV20141113", (code, message, type, requestId, status) => code switch
    {
        "ServiceNotFoundException" => new ServiceNotFoundException(message, null!, type, code, requestId, status),
        "ClusterNotFoundException" => new ClusterNotFoundException(message, null!, type, code, requestId, status),
        "InvalidParameterException" => new InvalidParameterException(message, null!, type, code, requestId, status),
        _ => new AmazonECSException(message, null!, type, code, requestId, status),
    });

    private readonly string _region;

    /// <summary>A client for <paramref name="region"/>.</summary>
    public AmazonECSClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual System.Threading.Tasks.Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint("scale a service"), "UpdateService", ServicesWire.Update(request), _ => new UpdateServiceResponse(), cancellationToken);

    public virtual System.Threading.Tasks.Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint("describe services"), "DescribeServices", ServicesWire.Describe(request), ServicesWire.Described, cancellationToken);

    public virtual System.Threading.Tasks.Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint("run a task"), "RunTask", TasksWire.Run(request), TasksWire.Ran, cancellationToken);

    public virtual System.Threading.Tasks.Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint("describe tasks"), "DescribeTasks", TasksWire.Describe(request), TasksWire.Described, cancellationToken);

    private Uri Endpoint(string purpose) => Override.Require(_region, purpose);
}
