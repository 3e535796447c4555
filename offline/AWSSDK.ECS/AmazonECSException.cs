using System.Net;
using Amazon.Runtime;

namespace Amazon.ECS;

/// <summary>An error ECS answered with (the real SDK's common exception for the service).</summary>
public class AmazonECSException : AmazonServiceException
{
    public AmazonECSException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
