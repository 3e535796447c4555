namespace Infra.Runner.Rollout;

/// <summary>
/// The stack as the rollout sees it: each service's release state (what the next update declares), the rollout in
/// progress, outputs, and targeted updates. The adapter keeps state and rollout in the stack's release ledger; setters
/// only record the desired state, nothing reaches AWS until <see cref="UpdateAsync"/>.
/// </summary>
public interface IStackOperations
{
    /// <summary>The stack's name.</summary>
    string StackName { get; }

    Task<StackOutputs> ReadOutputsAsync(CancellationToken cancellationToken);

    Task<ServiceConfig> ReadServiceConfigAsync(string service, CancellationToken cancellationToken);

    /// <summary>
    /// Throws <see cref="RolloutInputException"/> when the program would reject the release these moves make (it
    /// validates the ledger's release on every update, e.g. an image from a repository the DR region does not replicate),
    /// so a deploy is refused before anything changes instead of failing its first update.
    /// </summary>
    Task RequireDeclarableAsync(IReadOnlyList<RolloutServiceRecord> moves, CancellationToken cancellationToken);

    /// <summary>The release ledger's DR promotion (its <c>dr</c> item, else an older release's <c>drPromoted</c>): true from a failover until fail-back, when the promoted DR database is the writer.</summary>
    Task<bool> ReadDrPromotedAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, removes) the image of one color.</summary>
    Task SetImageAsync(string service, DeployColor color, string? image, CancellationToken cancellationToken);

    /// <summary>Scales one color up (running) or to zero tasks.</summary>
    Task SetRunningAsync(string service, DeployColor color, bool running, CancellationToken cancellationToken);

    Task SetWeightsAsync(string service, TrafficWeights weights, CancellationToken cancellationToken);

    Task SetLiveColorAsync(string service, DeployColor color, CancellationToken cancellationToken);

    /// <summary>
    /// Records traffic that was moved outside an update (a direct switch): each service's live color and weights in
    /// the desired AND the applied state, all in one write, so a plain <c>pulumi up</c> and the reconciling update declare
    /// what the load balancer already does.
    /// </summary>
    Task RecordTrafficAppliedAsync(IReadOnlyList<(string Service, DeployColor LiveColor, TrafficWeights Weights)> moved, CancellationToken cancellationToken);

    /// <summary>The rollout in progress with any pending promote or stop request, or null; <see cref="RolloutRecordJson"/> is its format.</summary>
    Task<RolloutRecord?> ReadRolloutRecordAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the record as this runner's: takes the rollout when no live runner holds it, renews the hold otherwise.
    /// A pending request that <paramref name="record"/> no longer carries counts as handled. Throws
    /// <see cref="RolloutLeaseException"/> when another runner holds it or took it over.
    /// </summary>
    Task WriteRolloutRecordAsync(RolloutRecord record, CancellationToken cancellationToken);

    /// <summary>The rollout ended: its record is removed.</summary>
    Task ClearRolloutRecordAsync(CancellationToken cancellationToken);

    /// <summary>This runner stops (interrupted): the record is kept, its hold given up so any machine can continue at once.</summary>
    Task ReleaseRolloutAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a request from another command with rollout <paramref name="rolloutId"/>; throws
    /// <see cref="RolloutLeaseException"/> when another rollout has started since it was read.
    /// </summary>
    Task<ControlDelivery> RequestControlAsync(string rolloutId, RolloutControl control, CancellationToken cancellationToken);

    /// <summary>
    /// Reads exactly <paramref name="targetUrns"/> from AWS into Pulumi's state (a targeted refresh), after traffic was
    /// moved outside an update, so the reconciling update diffs against what the load balancer does and reports no
    /// change. Throws <see cref="StackBusyException"/> when another update holds the stack; any other exception means
    /// the state was not refreshed.
    /// </summary>
    Task RefreshAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the current config to exactly <paramref name="targetUrns"/>.
    /// Throws <see cref="StackBusyException"/> when another update holds the stack (nothing was changed);
    /// any other exception means the update failed and may have applied part of its targets.
    /// </summary>
    Task UpdateAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken);
}
