namespace Infra.Runner.Rollout;

/// <summary>
/// After a successful release: deletes the stack's release snapshots beyond the newest <see cref="ReleaseHooks.KeepSnapshots"/>,
/// never the one this release took and never one still being taken. Its failures are journaled; the release stands.
/// </summary>
internal sealed class SnapshotPruning(HookRun run, SnapshotDatabase database)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var snapshots = run.Ports.Snapshots ?? throw new InvalidOperationException("the release prunes snapshots but the runner has no RDS adapter");
        var current = run.Record.Find(HookNames.Snapshot)?.Reference;
        var keep = run.Record.Plan.Hooks.KeepSnapshots;
        var hook = run.Record.Find(HookNames.Prune)
            ?? await run.StartAsync(HookNames.Prune, HookNames.PostRelease, null, $"Pruning release snapshots of database {database} to the newest {keep}", cancellationToken);
        var deleted = new List<string>();
        try
        {
            var found = await snapshots.ListReleaseSnapshotsAsync(database, run.Ports.Stack.StackName, cancellationToken);
            foreach (var old in Prunable(found, keep, current))
            {
                await snapshots.DeleteAsync(database, old.Id, cancellationToken);
                deleted.Add(old.Id);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await run.FinishAsync(hook, HookNames.PostRelease, HookResult.Failed, string.Join(",", deleted),
                $"Rollout {run.Record.Id}: pruning release snapshots failed after deleting {deleted.Count}: {error.Message}", cancellationToken);
            return;
        }

        await run.FinishAsync(hook, HookNames.PostRelease, HookResult.Ok, string.Join(",", deleted),
            deleted.Count == 0 ? $"No release snapshot to prune (keeping the newest {keep})" : $"Pruned {deleted.Count} release snapshots: {string.Join(", ", deleted)}",
            cancellationToken);
    }

    /// <summary>The snapshots past the newest <paramref name="keep"/> (by creation time, the current one counted among the kept), oldest last.</summary>
    public static IReadOnlyList<ReleaseSnapshot> Prunable(IReadOnlyList<ReleaseSnapshot> found, int keep, string? current) =>
        found.Where(s => s.CreatedAt is not null && s.Id != current)
            .OrderByDescending(s => s.CreatedAt)
            .Skip(Math.Max(0, keep - (current is null ? 0 : 1)))
            .ToList();
}
