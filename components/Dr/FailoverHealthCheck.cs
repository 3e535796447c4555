using Infra.Stacks.Settings;

namespace Infra.Components.Dr;

/// <summary>
/// What Route 53 probes on the primary load balancer: the default service's health path, over HTTPS when the
/// load balancer has a certificate (HTTP then only redirects), else over HTTP.
/// </summary>
public sealed record FailoverHealthCheck(string Type, int Port, string ResourcePath)
{
    /// <summary>Consecutive failed probes before the primary counts as down.</summary>
    public const int FailureThreshold = 3;

    /// <summary>Seconds between probes from each checker (Route 53 allows 10 or 30).</summary>
    public const int RequestIntervalSeconds = 30;

    public static FailoverHealthCheck For(StackSettings settings) =>
        settings.LoadBalancer.ServesHttps
            ? new FailoverHealthCheck("HTTPS", 443, settings.DefaultService.HealthCheck.Path)
            : new FailoverHealthCheck("HTTP", 80, settings.DefaultService.HealthCheck.Path);
}
