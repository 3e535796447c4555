namespace Infra.Stacks.Settings;

/// <summary><c>infra:dr</c>: the cross-region replica, its promotion and the pilot-light region.</summary>
/// <param name="Replica">Cross-region read replica in <c>infra:drRegion</c>. Default staging false, production true.</param>
/// <param name="Promote">Promote the replica to a standalone writer. Default false.</param>
/// <param name="PilotLight">Network, load balancer and services in the DR region at zero tasks. Default false.</param>
/// <param name="Dns">Route 53 failover records; null when not set.</param>
/// <param name="CertificateArn">
/// The DR load balancer's ACM certificate: certificates are regional, so the primary's cannot serve there. Required
/// for a pilot light when the primary has one; null when not set.
/// </param>
/// <param name="ReplicatedRepositories">
/// ECR repositories of <c>aws:region</c>'s registry copied to the DR region, whose copies the pilot light pulls; null when
/// not set. Required with a pilot light for every repository of the services' images in that registry.
/// </param>
/// <param name="DeclareEcrReplication">
/// Whether this stack declares the registry's replication configuration (one per registry and region). False when
/// another stack of the same account and region declares it and replicates these repositories. Default true.
/// </param>
public sealed record DrSettings(bool Replica, bool Promote, bool PilotLight, DnsFailoverSettings? Dns, string? CertificateArn = null,
    ValueList<string>? ReplicatedRepositories = null, bool DeclareEcrReplication = true)
{
    /// <summary><c>rtoTargetMinutes</c>: the longest a drill may take from its start to a healthy DR region and still pass. Default 60.</summary>
    public int RtoTargetMinutes { get; init; }

    /// <summary>
    /// Fail-back's switchover is under way (the ledger's <c>dr</c> item, never the stack file): the DR database is still
    /// the writer, but the DR region's services are stopped like the primary's until the primary's database is promoted
    /// again. Only with <see cref="Promote"/>. Default false.
    /// </summary>
    public bool SwitchingBack { get; init; }

    /// <summary>
    /// <c>rpoTargetSeconds</c>: the most marker time a drill may lose and still pass, and how far behind (by WAL position)
    /// fail-back's new replica may replay before the writes stop. Default 300.
    /// </summary>
    public int RpoTargetSeconds { get; init; }
}

/// <summary><c>infra:dr.dns</c>: the hosted zone and record name for failover.</summary>
public sealed record DnsFailoverSettings(string ZoneId, string Name);
