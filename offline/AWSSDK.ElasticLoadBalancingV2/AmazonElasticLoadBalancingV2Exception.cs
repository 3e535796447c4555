using System.Net;
using Amazon.Runtime;

namespace Amazon.ElasticLoadBalancingV2;

/// <summary>An error Elastic Load Balancing answered with (the real SDK's common exception for the service).</summary>
public class AmazonElasticLoadBalancingV2Exception : AmazonServiceException
{
    public AmazonElasticLoadBalancingV2Exception(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
