using System.Net;
using Amazon.Runtime;

namespace Amazon.ApplicationAutoScaling;

/// <summary>An error Application Auto Scaling answered with (the real SDK's common exception for the service).</summary>
public class AmazonApplicationAutoScalingException : AmazonServiceException
{
    public AmazonApplicationAutoScalingException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
