namespace Infra.Runner.Rollout;

/// <summary>Whether the smoke check passed, and what the operator should read about it (status codes seen, time taken).</summary>
public sealed record SmokeCheckResult(bool Passed, string Detail);

/// <summary>
/// Where a smoke request goes: the URL on the load balancer, and the Host header a host-routed service's listener
/// rule matches (null: the URL's own host).
/// </summary>
public sealed record SmokeTarget(string Url, string? Host)
{
    /// <summary>The URL, and the Host header when one is sent, for messages.</summary>
    public override string ToString() => Host is null ? Url : $"{Url} (Host {Host})";
}

/// <summary>Checks a target on the test listener; the adapter enforces <see cref="SmokeCheckSettings.Timeout"/>.</summary>
public interface ISmokeCheck
{
    Task<SmokeCheckResult> RunAsync(SmokeTarget target, SmokeCheckSettings settings, CancellationToken cancellationToken);
}
