using System.Net;
using Amazon.Runtime;

namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>The listener named by ARN does not exist (error code ListenerNotFound).</summary>
public class ListenerNotFoundException : AmazonElasticLoadBalancingV2Exception
{
    public ListenerNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
