namespace Infra.Runner.Drill;

/// <summary>
/// What a drill needs to know about a stack before it starts: its DR settings (<c>infra:dr</c>), regions, the default
/// service's health-check path, whether a rollout is in progress, and the outputs it promotes and probes.
/// </summary>
/// <param name="DrRegion"><c>infra:drRegion</c>; null when the stack has none.</param>
/// <param name="RolloutInProgressId">The id of the rollout in progress (the release ledger's lease); null when none runs.</param>
/// <param name="HealthCheckPath">The default service's health-check path, e.g. <c>/healthz</c>.</param>
/// <param name="DrUrl">The stack output <c>drUrl</c> (the pilot light's load balancer); null when missing.</param>
/// <param name="ReplicaIdentifier">The stack output <c>database.replica.identifier</c>; null when missing.</param>
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
    string? ReplicaIdentifier);
