namespace Infra.Runner.Rollout;

/// <summary>A snapshot as RDS describes it: <c>creating</c>, <c>available</c>, or a failure status; progress in percent.</summary>
public sealed record SnapshotState(string Id, string Status, int PercentProgress);

/// <summary>A release snapshot found for pruning: taken by the rollout <see cref="RolloutId"/>; no creation time while it is still being taken.</summary>
public sealed record ReleaseSnapshot(string Id, string RolloutId, DateTimeOffset? CreatedAt);

/// <summary>Manual snapshots of the stack's primary database (RDS), taken before a release and pruned after one.</summary>
public interface IDatabaseSnapshots
{
    /// <summary>
    /// Starts a manual snapshot of <paramref name="instanceId"/> named <paramref name="snapshotId"/>, tagged with the
    /// stack, the rollout and the release-snapshot marker. RDS encrypts it with the instance's key.
    /// </summary>
    Task CreateAsync(string instanceId, string snapshotId, string stack, string rolloutId, CancellationToken cancellationToken);

    /// <summary>The snapshot's state, or null when RDS has none of that name.</summary>
    Task<SnapshotState?> DescribeAsync(string snapshotId, CancellationToken cancellationToken);

    /// <summary>The manual snapshots of <paramref name="instanceId"/> that carry the release-snapshot marker of <paramref name="stack"/>.</summary>
    Task<IReadOnlyList<ReleaseSnapshot>> ListReleaseSnapshotsAsync(string instanceId, string stack, CancellationToken cancellationToken);

    Task DeleteAsync(string snapshotId, CancellationToken cancellationToken);
}
