using System.Globalization;

namespace Infra.Runner.Rollout;

/// <summary>
/// Credentials that expire mid-rollout leave the rollout unable to read its alarms and unable to roll back, so a
/// deploy refuses to start with credentials that expire before its worst case (<see cref="RolloutDuration"/>) is over.
/// </summary>
public static class CredentialLifetime
{
    /// <summary>
    /// Throws <see cref="RolloutInputException"/> when <paramref name="credentials"/> expire before now +
    /// <paramref name="needed"/>. Returns a warning for a session whose expiry is unknown, or null.
    /// </summary>
    public static string? Require(ResolvedCredentials credentials, TimeSpan needed, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var neededSeconds = (long)Math.Ceiling(needed.TotalSeconds);
        if (credentials.ExpiresAt is not { } expiresAt)
        {
            return credentials.Temporary
                ? $"the AWS credentials ({credentials.Source}) are a session whose expiry is unknown; this deploy may take up to {neededSeconds} s, " +
                  "so set AWS_CREDENTIAL_EXPIRATION to the session's expiry to have it checked"
                : null;
        }

        var until = now + needed;
        if (expiresAt >= until) return null;
        var left = expiresAt - now;
        var remaining = left <= TimeSpan.Zero ? "already expired" : $"{(long)Math.Floor(left.TotalSeconds)} s from now";
        throw new RolloutInputException(
            $"the AWS credentials ({credentials.Source}) expire at {Utc(expiresAt)} ({remaining}), but this deploy may take up to " +
            $"{neededSeconds} s (until {Utc(until)}); request credentials that last at least {neededSeconds} s " +
            "(deploy --print-max-duration prints the figure) and run again; nothing was changed");
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
