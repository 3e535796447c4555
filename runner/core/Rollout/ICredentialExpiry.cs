namespace Infra.Runner.Rollout;

/// <summary>The AWS credentials a command will run with, as far as their lifetime goes.</summary>
/// <param name="ExpiresAt">When they stop working; null when no expiry is known.</param>
/// <param name="Source">Where they came from, for messages, e.g. <c>environment variables</c>; never a secret.</param>
/// <param name="Temporary">A session (it has a session token), so it does expire even when the expiry is unknown.</param>
public sealed record ResolvedCredentials(DateTimeOffset? ExpiresAt, string Source, bool Temporary);

/// <summary>Resolves the credentials the runner's AWS calls and updates will use, without calling AWS.</summary>
public interface ICredentialExpiry
{
    /// <summary>Throws <see cref="RolloutInputException"/> when no credentials can be found or their expiry cannot be read.</summary>
    Task<ResolvedCredentials> ResolveAsync(CancellationToken cancellationToken);
}
