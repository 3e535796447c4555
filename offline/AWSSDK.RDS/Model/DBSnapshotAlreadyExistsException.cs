using System.Net;
using Amazon.Runtime;

namespace Amazon.RDS.Model;

/// <summary>A DB snapshot with that identifier already exists (error code DBSnapshotAlreadyExists, HTTP 400).</summary>
public class DBSnapshotAlreadyExistsException : AmazonRDSException
{
    public DBSnapshotAlreadyExistsException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
