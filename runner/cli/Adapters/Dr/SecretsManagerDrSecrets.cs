using Amazon;
using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace Infra.Runner.Adapters.Dr;

/// <summary>What the DR region's Secrets Manager holds under a secret's DR-region ARN.</summary>
public enum DrSecretState
{
    /// <summary>A secret (the replica) that DR tasks can read.</summary>
    Present,

    /// <summary>The secret is scheduled for deletion: its value can no longer be read.</summary>
    ScheduledForDeletion,

    /// <summary>No secret under that ARN (ResourceNotFoundException): the secret was never replicated there.</summary>
    Missing,
}

/// <summary>Looks a secret up in a region by ARN, never reading its value.</summary>
public interface IDrSecrets
{
    /// <exception cref="DrSecretLookupException">Secrets Manager did not say (access denied, no answer).</exception>
    Task<DrSecretState> DescribeAsync(string region, string secretArn, CancellationToken cancellationToken);
}

/// <summary>Why a secret's replica could not be looked up: the ARN, the region and Secrets Manager's answer.</summary>
public sealed class DrSecretLookupException(string message) : Exception(message);

/// <summary>
/// Secrets Manager DescribeSecret in the region asked, one client per region, every call bounded by
/// <paramref name="callLimit"/>. The caller needs <c>secretsmanager:DescribeSecret</c> on the DR-region ARNs.
/// </summary>
public sealed class SecretsManagerDrSecrets(Func<string, AmazonSecretsManagerClient> clientForRegion, SdkCallLimit callLimit) : IDrSecrets
{
    public static AmazonSecretsManagerClient ClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    public async Task<DrSecretState> DescribeAsync(string region, string secretArn, CancellationToken cancellationToken)
    {
        try
        {
            var response = await callLimit.RunAsync(
                t => clientForRegion(region).DescribeSecretAsync(new DescribeSecretRequest { SecretId = secretArn }, t), cancellationToken);
            return response.DeletedDate is null ? DrSecretState.Present : DrSecretState.ScheduledForDeletion;
        }
        catch (ResourceNotFoundException)
        {
            return DrSecretState.Missing;
        }
        catch (Exception error) when (error is AmazonServiceException or AmazonClientException or HttpRequestException or NotSupportedException or TimeoutException)
        {
            throw new DrSecretLookupException($"Secrets Manager in {region} did not describe {secretArn}: {error.Message}");
        }
    }
}
