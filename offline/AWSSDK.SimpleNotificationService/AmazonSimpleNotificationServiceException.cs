using System.Net;
using Amazon.Runtime;

namespace Amazon.SimpleNotificationService;

/// <summary>An error SNS answered with (the real SDK's common exception for the service).</summary>
public class AmazonSimpleNotificationServiceException : AmazonServiceException
{
    public AmazonSimpleNotificationServiceException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
