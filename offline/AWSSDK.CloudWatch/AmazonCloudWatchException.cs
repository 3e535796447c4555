using System.Net;
using Amazon.Runtime;

namespace Amazon.CloudWatch;

/// <summary>An error CloudWatch answered with (the real SDK's common exception for the service).</summary>
public class AmazonCloudWatchException : AmazonServiceException
{
    public AmazonCloudWatchException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
