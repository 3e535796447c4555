using Amazon.SimpleNotificationService.Model;

namespace Amazon.SimpleNotificationService;

/// <summary>The SNS client interface (the operation the runner calls).</summary>
public interface IAmazonSimpleNotificationService
{
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
}
