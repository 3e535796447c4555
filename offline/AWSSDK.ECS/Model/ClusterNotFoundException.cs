using System.Net;
using Amazon.Runtime;

namespace Amazon.ECS.Model;

/// <summary>The cluster named does not exist in the region.</summary>
public class ClusterNotFoundException : AmazonECSException
{
    public ClusterNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
