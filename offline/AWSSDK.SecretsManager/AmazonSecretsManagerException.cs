using System.Net;
using Amazon.Runtime;

namespace Amazon.SecretsManager;

/// <summary>An error Secrets Manager answered with (the real SDK's common exception for the service).</summary>
public class AmazonSecretsManagerException : AmazonServiceException
{
    public AmazonSecretsManagerException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
