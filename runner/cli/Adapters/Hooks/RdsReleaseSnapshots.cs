using Amazon.RDS;
using Amazon.RDS.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters.Hooks;

/// <summary>
/// Release snapshots over RDS: manual DB snapshots tagged <c>Stack</c>, <c>RolloutId</c> and the marker
/// <c>ReleaseSnapshot=true</c>, which pruning looks for (so a snapshot someone took by hand is never pruned). RDS
/// encrypts a snapshot of an encrypted instance with the instance's KMS key; CreateDBSnapshot takes no key of its own.
/// A snapshot lives in its instance's region: the primary's calls go to <paramref name="primary"/> (the stack's region),
/// the promoted DR database's to <paramref name="dr"/> (the DR region; null for a stack without one).
/// Every call is bounded by <paramref name="callLimit"/>.
/// </summary>
public sealed class RdsReleaseSnapshots(AmazonRDSClient primary, AmazonRDSClient? dr, SdkCallLimit callLimit) : IDatabaseSnapshots
{
    public const string StackTag = "Stack";
    public const string RolloutTag = "RolloutId";
    public const string MarkerTag = "ReleaseSnapshot";
    private const string Manual = "manual";

    public Task CreateAsync(SnapshotDatabase database, string snapshotId, string stack, string rolloutId, CancellationToken cancellationToken) =>
        callLimit.RunAsync(t => Client(database).CreateDBSnapshotAsync(new CreateDBSnapshotRequest
        {
            DBInstanceIdentifier = database.InstanceId,
            DBSnapshotIdentifier = snapshotId,
            Tags =
            [
                new Tag { Key = StackTag, Value = stack },
                new Tag { Key = RolloutTag, Value = rolloutId },
                new Tag { Key = MarkerTag, Value = "true" },
            ],
        }, t), cancellationToken);

    public async Task<SnapshotState?> DescribeAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await callLimit.RunAsync(
                t => Client(database).DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = snapshotId }, t), cancellationToken);
            return response.DBSnapshots?.FirstOrDefault() is { } snapshot
                ? new SnapshotState(snapshotId, snapshot.Status ?? "unknown", snapshot.PercentProgress ?? 0)
                : null;
        }
        catch (DBSnapshotNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ReleaseSnapshot>> ListReleaseSnapshotsAsync(SnapshotDatabase database, string stack, CancellationToken cancellationToken)
    {
        var found = new List<ReleaseSnapshot>();
        string? marker = null;
        do
        {
            var page = await callLimit.RunAsync(t => Client(database).DescribeDBSnapshotsAsync(
                    new DescribeDBSnapshotsRequest { DBInstanceIdentifier = database.InstanceId, SnapshotType = Manual, Marker = marker }, t), cancellationToken);
            foreach (var snapshot in page.DBSnapshots ?? [])
            {
                var tags = (snapshot.TagList ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key!).ToDictionary(g => g.Key, g => g.First().Value);
                if (tags.GetValueOrDefault(MarkerTag) != "true" || tags.GetValueOrDefault(StackTag) != stack || snapshot.DBSnapshotIdentifier is null) continue;
                DateTimeOffset? created = snapshot.SnapshotCreateTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
                found.Add(new ReleaseSnapshot(snapshot.DBSnapshotIdentifier, tags.GetValueOrDefault(RolloutTag) ?? "", created));
            }

            marker = page.Marker;
        }
        while (!string.IsNullOrEmpty(marker));
        return found;
    }

    /// <summary>A snapshot already gone counts as deleted.</summary>
    public async Task DeleteAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            await callLimit.RunAsync(
                t => Client(database).DeleteDBSnapshotAsync(new DeleteDBSnapshotRequest { DBSnapshotIdentifier = snapshotId }, t), cancellationToken);
        }
        catch (DBSnapshotNotFoundException)
        {
        }
    }

    private AmazonRDSClient Client(SnapshotDatabase database) => database.DrRegion is null
        ? primary
        : dr ?? throw new InvalidOperationException($"the release snapshot is to be taken of {database}, but the runner has no RDS client there (the stack has no infra:drRegion)");
}
