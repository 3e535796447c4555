using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Dr;

/// <summary>Inputs of <see cref="DnsFailover"/>: the settings and the two regions' load balancers.</summary>
public sealed class DnsFailoverArgs
{
    /// <summary>The validated stack settings; <c>Dr.Dns</c> must be set. <c>LoadBalancer</c> and the default service's health check are read.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>The primary region's load balancer: its DNS name and canonical hosted zone id.</summary>
    public required Input<string> PrimaryAlbDnsName { get; init; }
    public required Input<string> PrimaryAlbZoneId { get; init; }

    /// <summary>The DR region's (pilot-light) load balancer: its DNS name and canonical hosted zone id.</summary>
    public required Input<string> DrAlbDnsName { get; init; }
    public required Input<string> DrAlbZoneId { get; init; }

    /// <summary>The DNS settings; throws an <see cref="ArgumentException"/> when the stack has none.</summary>
    internal DnsFailoverSettings Dns =>
        Settings.Dr.Dns ?? throw new ArgumentException(
            "DnsFailoverArgs.Settings has no infra:dr.dns; declare DnsFailover only when the stack sets dr.dns.zoneId and dr.dns.name");
}
