using System.Net;
using Amazon.Runtime;

namespace Amazon.ECS.Model;

/// <summary>The service does not exist in the cluster (or is not ACTIVE).</summary>
public class ServiceNotFoundException : AmazonECSException
{
    public ServiceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
