using System.Net;
using Amazon.Runtime;

namespace Amazon.RDS;

/// <summary>An error RDS answered with (the real SDK's common exception for the service).</summary>
public class AmazonRDSException : AmazonServiceException
{
    public AmazonRDSException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
