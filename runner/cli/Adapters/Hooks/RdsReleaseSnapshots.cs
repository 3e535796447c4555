using Amazon.RDS;
using Amazon.RDS.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters.Hooks;

/// <summary>
/// Release snapshots over RDS: manual DB snapshots tagged <c>Stack</c>, <c>RolloutId</c> and the marker
/// <c>ReleaseSnapshot=true</c>, which pruning looks for (so a snapshot someone took by hand is never pruned). RDS
/// encrypts a snapshot of an encrypted instance with the instance's KMS key; CreateDBSnapshot takes no key of its own.
/// Every call is bounded by <paramref name="callTimeout"/>.
/// </summary>
public sealed class RdsReleaseSnapshots(AmazonRDSClient client, TimeSpan callTimeout) : IDatabaseSnapshots
{
    public const string StackTag = "Stack";
    public const string RolloutTag = "RolloutId";
    public const string MarkerTag = "ReleaseSnapshot";
    private const string Manual = "manual";

    public Task CreateAsync(string instanceId, string snapshotId, string stack, string rolloutId, CancellationToken cancellationToken) =>
        client.CreateDBSnapshotAsync(new CreateDBSnapshotRequest
        {
            DBInstanceIdentifier = instanceId,
            DBSnapshotIdentifier = snapshotId,
            Tags =
            [
                new Tag { Key = StackTag, Value = stack },
                new Tag { Key = RolloutTag, Value = rolloutId },
                new Tag { Key = MarkerTag, Value = "true" },
            ],
        }, cancellationToken).WaitAsync(callTimeout, cancellationToken);

    public async Task<SnapshotState?> DescribeAsync(string snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeDBSnapshotsAsync(new DescribeDBSnapshotsRequest { DBSnapshotIdentifier = snapshotId }, cancellationToken)
                .WaitAsync(callTimeout, cancellationToken);
            return response.DBSnapshots?.FirstOrDefault() is { } snapshot
                ? new SnapshotState(snapshotId, snapshot.Status ?? "unknown", snapshot.PercentProgress ?? 0)
                : null;
        }
        catch (DBSnapshotNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ReleaseSnapshot>> ListReleaseSnapshotsAsync(string instanceId, string stack, CancellationToken cancellationToken)
    {
        var found = new List<ReleaseSnapshot>();
        string? marker = null;
        do
        {
            var page = await client.DescribeDBSnapshotsAsync(
                    new DescribeDBSnapshotsRequest { DBInstanceIdentifier = instanceId, SnapshotType = Manual, Marker = marker }, cancellationToken)
                .WaitAsync(callTimeout, cancellationToken);
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
    public async Task DeleteAsync(string snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteDBSnapshotAsync(new DeleteDBSnapshotRequest { DBSnapshotIdentifier = snapshotId }, cancellationToken)
                .WaitAsync(callTimeout, cancellationToken);
        }
        catch (DBSnapshotNotFoundException)
        {
        }
    }
}
