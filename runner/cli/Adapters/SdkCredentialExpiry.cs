using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// The credentials the AWS SDK's default chain resolves (as the runner's clients and, from the same environment, the
/// Pulumi AWS provider do), and when they expire. The SDK knows the expiry of what it obtained itself (an identity's
/// <c>Expiration</c>); credentials from environment variables carry none in the SDK for .NET, so their expiry is read
/// from <c>AWS_CREDENTIAL_EXPIRATION</c>, the cross-SDK variable (<c>aws configure export-credentials --format env</c>
/// sets it; for aws-actions/configure-aws-credentials set it from the step's <c>aws-expiration</c> output).
/// </summary>
public sealed class SdkCredentialExpiry(Func<string, string?> variable) : ICredentialExpiry
{
    public const string ExpirationVariable = "AWS_CREDENTIAL_EXPIRATION";

    public SdkCredentialExpiry()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public async Task<ResolvedCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        AWSCredentials credentials;
        try
        {
            credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (AmazonClientException error)
        {
            throw new RolloutInputException($"no AWS credentials found: {error.Message.ReplaceLineEndings(" ").Trim()}");
        }

        return await DescribeAsync(credentials);
    }

    /// <summary>What the runner knows about resolved <paramref name="credentials"/>' lifetime.</summary>
    public async Task<ResolvedCredentials> DescribeAsync(AWSCredentials credentials)
    {
        var source = credentials.GetType().Name;
        // The SDK obtains new ones before these expire (instance roles, assumed roles, SSO): no fixed end.
        if (credentials is RefreshingAWSCredentials)
            return new ResolvedCredentials(null, $"{source}, renewed by the AWS SDK", Temporary: false);

        var immutable = await credentials.GetCredentialsAsync();
        if (credentials.Expiration is { } expiration)
            return new ResolvedCredentials(new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)), source, immutable.UseToken);
        if (credentials is EnvironmentVariablesAWSCredentials && variable(ExpirationVariable) is { Length: > 0 } text)
            return new ResolvedCredentials(ParseExpiration(text), $"environment variables, expiry from {ExpirationVariable}", immutable.UseToken);
        return new ResolvedCredentials(null, source, immutable.UseToken);
    }

    // RFC 3339 as the CLI writes it; a GitHub step output of a date arrives JSON-quoted, so quotes are dropped.
    private static DateTimeOffset ParseExpiration(string text)
    {
        var value = text.Trim().Trim('"');
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiry)
            && value.Contains('T', StringComparison.Ordinal))
            return expiry;
        throw new RolloutInputException($"{ExpirationVariable} '{value}' is not a time; expected RFC 3339, e.g. 2026-03-01T14:00:00Z");
    }
}
