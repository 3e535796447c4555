using System.Net;
using Amazon.Runtime;

namespace Amazon.RDS.Model;

/// <summary>No DB snapshot has the identifier asked for (error code DBSnapshotNotFound, HTTP 404).</summary>
public class DBSnapshotNotFoundException : AmazonRDSException
{
    public DBSnapshotNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
