namespace Infra.Runner.Rollout;

/// <summary>Whether the smoke check passed, and what the operator should read about it (status codes seen, time taken).</summary>
public sealed record SmokeCheckResult(bool Passed, string Detail);

/// <summary>
/// Where a smoke request goes: the URL on the load balancer, the Host header a host-routed service's listener
/// rule matches (null: the URL's own host), and the preview header to send (null: none, the test listener).
/// </summary>
public sealed record SmokeTarget(string Url, string? Host, PreviewHeader? Preview = null)
{
    /// <summary>The URL, the Host header when one is sent and the preview header's name, for messages.</summary>
    public override string ToString() =>
        Url + (Host is null ? "" : $" (Host {Host})") + (Preview is null ? "" : $" (with the {Preview.Name} header)");
}

/// <summary>
/// The preview header a smoke request carries: its name and the Secrets Manager secret holding its value. The value
/// itself never enters the rollout's records: the adapter that sends the request reads it.
/// </summary>
public sealed record PreviewHeader(string Name, string SecretArn);

/// <summary>Checks a target (test listener or preview route); the adapter enforces <see cref="SmokeCheckSettings.Timeout"/>.</summary>
public interface ISmokeCheck
{
    Task<SmokeCheckResult> RunAsync(SmokeTarget target, SmokeCheckSettings settings, CancellationToken cancellationToken);
}
