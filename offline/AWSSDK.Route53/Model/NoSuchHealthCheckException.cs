using System.Net;
using Amazon.Runtime;

namespace Amazon.Route53.Model;

/// <summary>No health check has the id asked for (error code NoSuchHealthCheck, HTTP 404).</summary>
public class NoSuchHealthCheckException : AmazonRoute53Exception
{
    public NoSuchHealthCheckException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
