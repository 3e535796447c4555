namespace Infra.Runner.Rollout;

/// <summary>Whether the smoke check passed, and what the operator should read about it (status codes seen, time taken).</summary>
public sealed record SmokeCheckResult(bool Passed, string Detail);

/// <summary>Checks a URL on the test listener; the adapter enforces <see cref="SmokeCheckSettings.Timeout"/>.</summary>
public interface ISmokeCheck
{
    Task<SmokeCheckResult> RunAsync(string url, SmokeCheckSettings settings, CancellationToken cancellationToken);
}
