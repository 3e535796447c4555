using System.Text.Json.Nodes;
using Amazon.ApplicationAutoScaling.Model;
using Amazon.Offline;

namespace Amazon.ApplicationAutoScaling;

/// <summary>
/// Offline Application Auto Scaling client. It speaks AWS JSON 1.1 as the real v4 client does (target prefix
/// <c>AnyScaleFrontendService</c>, from the application-autoscaling-2016-02-06 model; PascalCase members) to the endpoint
/// override the real SDK honours (AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING, then AWS_ENDPOINT_URL), on loopback only:
/// it cannot sign requests.
/// </summary>
public class AmazonApplicationAutoScalingClient
{
    private static readonly LoopbackEndpoint Override = new("AWSSDK.ApplicationAutoScaling", "Application Auto Scaling", "AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING");

    private static readonly AwsJson11 Protocol = new("Application Auto Scaling", "AnyScaleFrontendService", (code, message, type, requestId, status) => code switch
    {
        "ValidationException" => new ValidationException(message, null!, type, code, requestId, status),
        _ => new AmazonApplicationAutoScalingException(message, null!, type, code, requestId, status),
    });

    private readonly string _region;

    /// <summary>A client for <paramref name="region"/>.</summary>
    public AmazonApplicationAutoScalingClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual Task<RegisterScalableTargetResponse> RegisterScalableTargetAsync(RegisterScalableTargetRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Override.Require(_region, "register a scalable target"), "RegisterScalableTarget", Body(request), _ => new RegisterScalableTargetResponse(),
            cancellationToken);

    /// <summary>Only the members that are set, as the real marshaller writes them.</summary>
    private static JsonObject Body(RegisterScalableTargetRequest request)
    {
        var body = new JsonObject();
        if (request.MaxCapacity is { } max) body["MaxCapacity"] = max;
        if (request.MinCapacity is { } min) body["MinCapacity"] = min;
        if (request.ResourceId is not null) body["ResourceId"] = request.ResourceId;
        if (request.ScalableDimension is not null) body["ScalableDimension"] = request.ScalableDimension.Value;
        if (request.ServiceNamespace is not null) body["ServiceNamespace"] = request.ServiceNamespace.Value;
        return body;
    }
}
