using System.Net;
using Amazon.Runtime;

namespace Amazon.ApplicationAutoScaling.Model;

/// <summary>The request was refused: e.g. no such ECS service, or a minimum above the maximum.</summary>
public class ValidationException : AmazonApplicationAutoScalingException
{
    public ValidationException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
