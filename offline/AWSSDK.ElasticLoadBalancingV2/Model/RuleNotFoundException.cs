using System.Net;
using Amazon.Runtime;

namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>The rule named by ARN does not exist (error code RuleNotFound).</summary>
public class RuleNotFoundException : AmazonElasticLoadBalancingV2Exception
{
    public RuleNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
