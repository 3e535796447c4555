using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>
/// What a drill needs to know about a stack before it starts: its DR settings (<c>infra:dr</c>), regions, the default
/// service's health-check path, whether a rollout is in progress, and the outputs it promotes, probes and writes to.
/// </summary>
/// <param name="DrRegion"><c>infra:drRegion</c>; null when the stack has none.</param>
/// <param name="RolloutInProgressId">The id of the rollout in progress (the release ledger's lease); null when none runs.</param>
/// <param name="HealthCheckPath">The default service's health-check path, e.g. <c>/healthz</c>.</param>
/// <param name="DrUrl">The stack output <c>drUrl</c> (the pilot light's load balancer); null when missing.</param>
/// <param name="ReplicaIdentifier">The stack output <c>database.replica.identifier</c>; null when missing.</param>
/// <param name="Targets"><c>infra:dr.rtoTargetMinutes</c> and <c>infra:dr.rpoTargetSeconds</c>.</param>
/// <param name="PrimaryIdentifier">The stack output <c>database.primary.identifier</c>; null when missing.</param>
/// <param name="PrimaryEndpoint">The stack output <c>database.primary.endpoint</c> (<c>host:port</c>); null when missing.</param>
/// <param name="ReplicaEndpoint">The stack output <c>database.replica.endpoint</c>; null when missing.</param>
/// <param name="Topology">What failover acts on (regions, instances, services, DNS); null when the stack cannot fail over.</param>
/// <param name="TopologyProblem">Why <paramref name="Topology"/> is null, as failover would say it.</param>
/// <param name="RestoreTest"><c>infra:database.restoreTest</c>: what a restore drill restores; null when not set (the latest, the source's class).</param>
public sealed record DrillStackState(
    string StackName,
    string Region,
    string? DrRegion,
    bool Replica,
    bool PilotLight,
    bool Promote,
    string? RolloutInProgressId,
    string HealthCheckPath,
    string? DrUrl,
    string? ReplicaIdentifier,
    DrillTargets Targets,
    string? PrimaryIdentifier,
    string? PrimaryEndpoint,
    string? ReplicaEndpoint,
    DrTopology? Topology = null,
    string? TopologyProblem = null,
    DrillRestoreTest? RestoreTest = null)
{
    /// <summary>The primary database as the marker writer reaches it.</summary>
    public MarkerDatabase Primary => MarkerDatabase.At($"primary {PrimaryIdentifier}", PrimaryEndpoint!);

    /// <summary>The replica, promoted by the drill, as the marker reader reaches it.</summary>
    public MarkerDatabase PromotedReplica => MarkerDatabase.At($"promoted replica {ReplicaIdentifier}", ReplicaEndpoint!);
}

/// <summary><c>infra:database.restoreTest</c> as a restore drill reads it.</summary>
/// <param name="PointInTime">A fixed time to restore to; null (<c>latest</c>): the moment the drill chooses, when it stops its markers.</param>
/// <param name="InstanceClass">The restored instance's class; null: the source's.</param>
public sealed record DrillRestoreTest(DateTimeOffset? PointInTime, string? InstanceClass);
