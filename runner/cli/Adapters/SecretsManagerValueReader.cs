using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace Infra.Runner.Adapters;

/// <summary>Reads a secret's current string value; a failure says what to fix, never the value.</summary>
public interface ISecretValueReader
{
    /// <exception cref="SecretReadException">The secret cannot be read.</exception>
    Task<string> ReadAsync(string secretArn, CancellationToken cancellationToken);
}

/// <summary>Why a secret could not be read: the secret's ARN and what to fix.</summary>
public sealed class SecretReadException(string message) : Exception(message);

/// <summary>
/// Secrets Manager GetSecretValue in the stack's region. The caller needs <c>secretsmanager:GetSecretValue</c> on the
/// secret (the preview header's secret is encrypted with the account's AWS managed key, so no KMS grant is needed).
/// </summary>
public sealed class SecretsManagerValueReader(AmazonSecretsManagerClient client, string region) : ISecretValueReader
{
    public async Task<string> ReadAsync(string secretArn, CancellationToken cancellationToken)
    {
        GetSecretValueResponse response;
        try
        {
            response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretArn }, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            throw new SecretReadException(
                $"the secret {secretArn} does not exist in Secrets Manager ({region}); run a full update of the stack (pulumi up) to create it");
        }
        catch (AmazonSecretsManagerException error) when (error.ErrorCode == "AccessDeniedException")
        {
            throw new SecretReadException(
                $"the runner may not read the secret {secretArn} (AccessDeniedException); allow its role secretsmanager:GetSecretValue on that ARN");
        }
        catch (Exception error) when (error is AmazonServiceException or AmazonClientException or HttpRequestException or NotSupportedException)
        {
            throw new SecretReadException($"reading the secret {secretArn} in {region} failed: {error.Message}");
        }

        return string.IsNullOrEmpty(response.SecretString)
            ? throw new SecretReadException($"the secret {secretArn} holds no string value; run a full update of the stack (pulumi up) to set it")
            : response.SecretString;
    }
}
