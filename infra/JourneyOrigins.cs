using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>Per service, the address its synthetic journeys start from (a journey by URL keeps its URL in both regions).</summary>
public static class JourneyOrigins
{
    /// <summary>In the primary region: the service's host, else the primary load balancer's DNS name.</summary>
    public static IReadOnlyDictionary<string, Output<string>> Primary(ServingTier primary) =>
        primary.Services.ToDictionary(s => s.Settings.Name, s => s.Traffic.PreviewUrl);

    /// <summary>
    /// In the promoted DR region: what users reach after failover, so the DR canaries fail when users would.
    /// <list type="bullet">
    /// <item>A service with a host: that host. It is the name users type, the listener rules match on it in both
    /// regions, and over HTTPS it is the only name the certificate covers; public DNS decides which region answers.</item>
    /// <item>Without a host (HTTP only: validation requires a host over HTTPS): the DNS failover name
    /// (<c>dr.dns.name</c>), which Route 53 answers with the DR load balancer while promoted, and which a host-less
    /// service is reached by (the default action or its path rule match any host).</item>
    /// <item>Without <c>dr.dns</c>: the pilot light's load balancer, which operators point clients at
    /// (<c>drUrl</c>); without a pilot light the services still run only in the primary region, so its addresses.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyDictionary<string, Output<string>> AfterFailover(StackSettings settings, ServingTier primary, ServingTier? pilotLight)
    {
        var tier = pilotLight ?? primary;
        return tier.Services.ToDictionary(s => s.Settings.Name,
            s => FailoverNameOrigin(settings, s.Settings, pilotLight is not null) is { } origin ? Output.Create(origin) : s.Traffic.PreviewUrl);
    }

    /// <summary>
    /// <c>&lt;scheme&gt;://&lt;dr.dns.name&gt;</c> for a service without a host when the stack has DNS failover (which
    /// needs the pilot light); otherwise null: the service's host or its load balancer's name.
    /// </summary>
    public static string? FailoverNameOrigin(StackSettings settings, ServiceSettings service, bool hasPilotLight) =>
        service.Host is null && hasPilotLight && settings.Dr.Dns is { } dns
            ? $"{(settings.LoadBalancer.ServesHttps ? "https" : "http")}://{dns.Name}"
            : null;
}
