using System.Net;
using Amazon.Runtime;

namespace Amazon.SimpleNotificationService.Model;

/// <summary>SNS may not use the topic's KMS key on the caller's behalf (error code KMSAccessDenied, HTTP 400).</summary>
public class KMSAccessDeniedException : AmazonSimpleNotificationServiceException
{
    public KMSAccessDeniedException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
