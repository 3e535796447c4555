using System.Net;
using Amazon.Runtime;

namespace Amazon.ECS.Model;

/// <summary>A parameter ECS refused, e.g. an unknown task definition or a container name it does not have (HTTP 400).</summary>
public class InvalidParameterException : AmazonECSException
{
    public InvalidParameterException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
