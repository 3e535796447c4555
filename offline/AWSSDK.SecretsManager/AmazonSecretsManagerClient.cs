using Amazon.Offline;
using Amazon.SecretsManager.Internal;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager;

/// <summary>
/// Offline Secrets Manager client. It speaks the wire protocol the real v4 client speaks (AWS JSON 1.1, see
/// <see cref="AwsJson11"/>) to the endpoint override the real SDK honours (AWS_ENDPOINT_URL_SECRETS_MANAGER, then
/// AWS_ENDPOINT_URL), on loopback only: it cannot sign requests (no SigV4 offline), so it refuses, saying so, to call
/// AWS or any endpoint that is not on this machine.
/// </summary>
public class AmazonSecretsManagerClient
{
    /// <summary>Secrets Manager's service id is "Secrets Manager".</summary>
    private static readonly LoopbackEndpoint Override = new("AWSSDK.SecretsManager", "Secrets Manager", "AWS_ENDPOINT_URL_SECRETS_MANAGER");

    /// <summary>The service model's target prefix; ResourceNotFoundException is the one error callers tell apart.</summary>
    private static readonly AwsJson11 Protocol = new("Secrets Manager", "secretsmanager", (code, message, type, requestId, status) =>
        code == "ResourceNotFoundException"
            ? new ResourceNotFoundException(message, null!, type, code, requestId, status)
            : new AmazonSecretsManagerException(message, null!, type, code, requestId, status));

    private readonly string? _region;

    public AmazonSecretsManagerClient()
    {
        _region = Environment.GetEnvironmentVariable("AWS_REGION");
    }

    /// <summary>A client for <paramref name="region"/> rather than the one AWS_REGION names.</summary>
    public AmazonSecretsManagerClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint(), GetSecretValueWire.Target, GetSecretValueWire.Request(request), GetSecretValueWire.Response, cancellationToken);

    public virtual Task<DescribeSecretResponse> DescribeSecretAsync(DescribeSecretRequest request, CancellationToken cancellationToken = default) =>
        Protocol.CallAsync(Endpoint(), DescribeSecretWire.Target, DescribeSecretWire.Request(request), DescribeSecretWire.Response, cancellationToken);

    private Uri Endpoint() => Override.Require(_region, "read a secret");
}
