using System.Net;
using Amazon.Runtime;

namespace Amazon.SimpleNotificationService.Model;

/// <summary>The caller may not call the operation on the resource (error code AuthorizationError, HTTP 403).</summary>
public class AuthorizationErrorException : AmazonSimpleNotificationServiceException
{
    public AuthorizationErrorException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
