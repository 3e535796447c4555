namespace Infra.Runner.Rollout;

/// <summary>A snapshot as RDS describes it: <c>creating</c>, <c>available</c>, or a failure status; progress in percent.</summary>
public sealed record SnapshotState(string Id, string Status, int PercentProgress);

/// <summary>A release snapshot found for pruning: taken by the rollout <see cref="RolloutId"/>; no creation time while it is still being taken.</summary>
public sealed record ReleaseSnapshot(string Id, string RolloutId, DateTimeOffset? CreatedAt);

/// <summary>
/// The database release snapshots are taken of and pruned from: the primary, in the stack's region (<see cref="DrRegion"/>
/// null), or, while the release ledger says <c>drPromoted</c>, the promoted DR database in <see cref="DrRegion"/> (the
/// primary is then fenced and no longer written to).
/// </summary>
public sealed record SnapshotDatabase(string InstanceId, string? DrRegion = null)
{
    /// <summary>For messages: the instance, and where it is when it is the promoted DR database.</summary>
    public override string ToString() => DrRegion is null ? InstanceId : $"{InstanceId} (the promoted DR database in {DrRegion})";
}

/// <summary>
/// Manual snapshots of the stack's writer database (RDS), taken before a release and pruned after one, in the
/// database's own region (a snapshot lives in the region of its instance).
/// </summary>
public interface IDatabaseSnapshots
{
    /// <summary>
    /// Starts a manual snapshot of <paramref name="database"/> named <paramref name="snapshotId"/>, tagged with the
    /// stack, the rollout and the release-snapshot marker. RDS encrypts it with the instance's key (in the DR region, the DR key).
    /// </summary>
    Task CreateAsync(SnapshotDatabase database, string snapshotId, string stack, string rolloutId, CancellationToken cancellationToken);

    /// <summary>The snapshot's state, or null when RDS has none of that name in the database's region.</summary>
    Task<SnapshotState?> DescribeAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken);

    /// <summary>The manual snapshots of <paramref name="database"/> that carry the release-snapshot marker of <paramref name="stack"/>.</summary>
    Task<IReadOnlyList<ReleaseSnapshot>> ListReleaseSnapshotsAsync(SnapshotDatabase database, string stack, CancellationToken cancellationToken);

    Task DeleteAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken);
}
