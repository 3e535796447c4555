using Amazon.Offline;
using Amazon.SimpleNotificationService.Model;

namespace Amazon.SimpleNotificationService;

/// <summary>
/// Offline SNS client. It speaks AWS Query as the real v4 client does (sns-2010-03-31: a form-encoded POST / with
/// <c>Action=Publish</c> and <c>Version=2010-03-31</c>, answered with <c>PublishResponse/PublishResult/MessageId</c> in
/// XML) to the endpoint override the real SDK honours (AWS_ENDPOINT_URL_SNS, then AWS_ENDPOINT_URL), on loopback only:
/// it cannot sign requests.
/// </summary>
public class AmazonSimpleNotificationServiceClient : IAmazonSimpleNotificationService
{
    private const string Version = "2010-03-31";

    /// <summary>SNS's service id is "SNS".</summary>
    private static readonly LoopbackEndpoint Override = new("AWSSDK.SimpleNotificationService", "SNS", "AWS_ENDPOINT_URL_SNS");

    // The modelled errors Publish answers that the runner tells apart; any other code is the service's common exception.
    private static readonly AwsQuery Protocol = new(Version, new AwsXml("SNS", (code, message, type, requestId, status) => code switch
    {
        "NotFound" => new NotFoundException(message, null!, type, code, requestId, status),
        "AuthorizationError" => new AuthorizationErrorException(message, null!, type, code, requestId, status),
        "KMSAccessDenied" => new KMSAccessDeniedException(message, null!, type, code, requestId, status),
        _ => new AmazonSimpleNotificationServiceException(message, null!, type, code, requestId, status),
    }));

    private readonly string _region;

    /// <summary>A client for <paramref name="region"/>.</summary>
    public AmazonSimpleNotificationServiceClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        var (_, result) = await Protocol.CallAsync(Override.Require(_region, "publish to a topic"), "Publish",
            [("Message", request.Message), ("Subject", request.Subject), ("TopicArn", request.TopicArn)], cancellationToken);
        return new PublishResponse { MessageId = AwsXml.Child(result, "MessageId") };
    }
}
