using System.Net;
using Amazon.Runtime;

namespace Amazon.RDS.Model;

/// <summary>No DB instance has the identifier asked for (error code DBInstanceNotFound, HTTP 404).</summary>
public class DBInstanceNotFoundException : AmazonRDSException
{
    public DBInstanceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
