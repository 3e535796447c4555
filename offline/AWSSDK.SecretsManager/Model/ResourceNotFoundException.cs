using System.Net;
using Amazon.Runtime;

namespace Amazon.SecretsManager.Model;

/// <summary>Secrets Manager has no secret (or no such version) under the id asked for.</summary>
public class ResourceNotFoundException : AmazonSecretsManagerException
{
    public ResourceNotFoundException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
