using Infra.Components.Conventions;
using Infra.Stacks.Dr;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Route53;
using Pulumi.Aws.Route53.Inputs;

namespace Infra.Components.Dr;

/// <summary>
/// Route 53 failover for <c>infra:dr.dns.name</c>: the PRIMARY alias answers while its gate, a calculated health check
/// over the probe of the primary load balancer, is healthy; otherwise the SECONDARY alias sends clients to the DR
/// region's load balancer. While the DR region is promoted (<c>dr.promote</c>, or the ledger's <c>drPromoted</c>) the
/// gate is always unhealthy (<see cref="PrimaryRecordGate"/>), so Route 53 answers with the DR region whatever the
/// primary's health, including when the primary region is down.
/// </summary>
public sealed class DnsFailover : ComponentResource
{
    public const string Type = "infra:dr:DnsFailover";

    /// <summary>The record name clients use.</summary>
    public Output<string> Name { get; }

    /// <summary>The id of the calculated health check on the PRIMARY record, which failover and fail-back set.</summary>
    public Output<string> HealthCheckId { get; }

    public DnsFailover(string name, DnsFailoverArgs args, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var dns = args.Dns;
        var settings = args.Settings;
        var probe = FailoverHealthCheck.For(settings);
        var healthCheck = new HealthCheck($"{name}-primary-health", new HealthCheckArgs
        {
            Type = probe.Type,
            Fqdn = args.PrimaryAlbDnsName,
            // Never inverted (an inverted failing probe counts as healthy); set explicitly so a probe inverted by an
            // earlier failover is put back.
            InvertHealthcheck = false,
            Port = probe.Port,
            ResourcePath = probe.ResourcePath,
            FailureThreshold = FailoverHealthCheck.FailureThreshold,
            RequestInterval = FailoverHealthCheck.RequestIntervalSeconds,
            Tags = StackConventions.Tags(settings, $"{dns.Name}-primary"),
        }, new CustomResourceOptions { Parent = this });

        var gate = new HealthCheck($"{name}-primary-gate", new HealthCheckArgs
        {
            Type = "CALCULATED",
            ChildHealthchecks = { healthCheck.Id },
            // Failover sets it to always unhealthy (the runner's failover command) and records the promotion in the
            // ledger, which the program reads: a later update keeps it so until fail-back, so a recovering primary
            // region does not take traffic back from the promoted database.
            ChildHealthThreshold = PrimaryRecordGate.HealthThreshold(settings.Dr.Promote),
            Tags = StackConventions.Tags(settings, $"{dns.Name}-primary-gate"),
        }, new CustomResourceOptions { Parent = this });

        var primary = DeclareRecord($"{name}-primary", dns, "PRIMARY", args.PrimaryAlbDnsName, args.PrimaryAlbZoneId, gate.Id, evaluateTargetHealth: true);
        // Route 53 answers with the PRIMARY record when both records are unhealthy. While promoted the gate is always
        // unhealthy, so a DR load balancer without healthy targets would send clients back to the primary region, whose
        // database is stale; the SECONDARY then ignores its targets' health. Before a failover it weighs it: the pilot
        // light runs no tasks, and a flapping primary probe must not send clients to a region that cannot serve them.
        DeclareRecord($"{name}-secondary", dns, "SECONDARY", args.DrAlbDnsName, args.DrAlbZoneId, healthCheckId: null, evaluateTargetHealth: !settings.Dr.Promote);

        Name = primary.Name;
        HealthCheckId = gate.Id;
        RegisterOutputs(new Dictionary<string, object?> { ["name"] = Name, ["healthCheckId"] = HealthCheckId });
    }

    // An alias to a load balancer; the set identifier is the failover role, lower case.
    private Record DeclareRecord(
        string resourceName, DnsFailoverSettings dns, string failoverType, Input<string> albDnsName, Input<string> albZoneId,
        Input<string>? healthCheckId, bool evaluateTargetHealth) =>
        new(resourceName, new RecordArgs
        {
            ZoneId = dns.ZoneId,
            Name = dns.Name,
            Type = RecordType.A,
            SetIdentifier = failoverType.ToLowerInvariant(),
            FailoverRoutingPolicies = { new RecordFailoverRoutingPolicyArgs { Type = failoverType } },
            HealthCheckId = healthCheckId,
            Aliases =
            {
                new RecordAliasArgs { Name = albDnsName, ZoneId = albZoneId, EvaluateTargetHealth = evaluateTargetHealth },
            },
        }, new CustomResourceOptions { Parent = this });
}
