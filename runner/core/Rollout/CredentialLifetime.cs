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
    /// <paramref name="needed"/>, naming <paramref name="command"/>. Returns a warning for a session whose expiry is unknown, or null.
    /// </summary>
    public static string? Require(ResolvedCredentials credentials, TimeSpan needed, TimeProvider time, string command = "deploy")
    {
        var now = time.GetUtcNow();
        var neededSeconds = (long)Math.Ceiling(needed.TotalSeconds);
        if (credentials.ExpiresAt is not { } expiresAt)
        {
            return credentials.Temporary
                ? $"the AWS credentials ({credentials.Source}) are a session whose expiry is unknown; this {command} may take up to {neededSeconds} s, " +
                  "so set AWS_CREDENTIAL_EXPIRATION to the session's expiry to have it checked"
                : null;
        }

        var until = now + needed;
        if (expiresAt >= until) return null;
        var left = expiresAt - now;
        var remaining = left <= TimeSpan.Zero ? "already expired" : $"{(long)Math.Floor(left.TotalSeconds)} s from now";
        throw new RolloutInputException(
            $"the AWS credentials ({credentials.Source}) expire at {Utc(expiresAt)} ({remaining}), but this {command} may take up to " +
            $"{neededSeconds} s (until {Utc(until)}); request credentials that last at least {neededSeconds} s " +
            (command == "deploy" ? "(deploy --print-max-duration prints the figure) " : "") + "and run again; nothing was changed");
    }

    /// <summary>
    /// A step that pauses when its analysis stays inconclusive, and a <c>pause</c> step without a timeout, wait for a
    /// person without end, so no session is long enough to outlast them: with credentials that expire, such a pause
    /// could outlive them with traffic split and no way to roll back. Throws <see cref="RolloutInputException"/> for that combination.
    /// </summary>
    public static void RequireBoundedWaits(ResolvedCredentials credentials, RolloutPlan plan)
    {
        if (!(credentials.Temporary || credentials.ExpiresAt is not null)) return;
        var expiry = credentials.ExpiresAt is { } expiresAt ? $"expire at {Utc(expiresAt)}" : "are a session that expires";
        var cannot = $"but the AWS credentials ({credentials.Source}) {expiry}, after which the rollout could neither watch nor roll back; ";
        const string renewed = "deploy with credentials the SDK renews (a profile, SSO, an instance or container role); nothing was changed";
        if (plan.Canary.OnInconclusive == InconclusivePolicy.Pause)
        {
            throw new RolloutInputException(
                "infra:rollout.onInconclusive is pause, so a step whose analysis stays inconclusive waits for promote or abort without end, " +
                cannot + "set onInconclusive: fail, or " + renewed);
        }

        if (plan.Pauses.FirstOrDefault(p => p.Timeout is null) is { } untimed)
        {
            throw new RolloutInputException(
                $"the steps pause after step {untimed.AfterStepIndex + 1} without a timeout, so the rollout waits for promote or abort without end, " +
                cannot + "give the pause a timeout (e.g. pause:30m), or " + renewed);
        }
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
