using System.Net;
using Amazon.Runtime;

namespace Amazon.Route53;

/// <summary>An error Route 53 answered with (the real SDK's common exception for the service).</summary>
public class AmazonRoute53Exception : AmazonServiceException
{
    public AmazonRoute53Exception(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
