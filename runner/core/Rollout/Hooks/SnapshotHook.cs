using System.Text;

namespace Infra.Runner.Rollout;

/// <summary>
/// The pre-release snapshot: a manual RDS snapshot of the writer database (the primary; after a failover the promoted
/// DR database, in its region), named from the rollout id, which the release waits
/// for until it is available. Returns null when it is, or why the release must stop (nothing has changed yet). A resumed
/// rollout whose snapshot was started waits for that snapshot; one that finished is never taken again.
/// </summary>
internal sealed class SnapshotHook(HookRun run, SnapshotDatabase database)
{
    private const string Creating = "creating";
    private const string Available = "available";

    /// <summary>An RDS snapshot identifier: letters, digits and single hyphens, starting with a letter.</summary>
    public static string SnapshotId(string stack, string rolloutId)
    {
        var text = new StringBuilder();
        foreach (var c in $"{stack}-release-{rolloutId}".ToLowerInvariant())
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next == '-' && (text.Length == 0 || text[^1] == '-')) continue;
            text.Append(next);
        }

        var id = text.ToString().TrimEnd('-');
        return char.IsAsciiLetter(id[0]) ? id : $"s-{id}";
    }

    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var snapshots = run.Ports.Snapshots ?? throw new InvalidOperationException("the release takes a snapshot but the runner has no RDS adapter");
        var stack = run.Ports.Stack.StackName;
        var hook = run.Record.Find(HookNames.Snapshot);
        var id = hook?.Reference ?? SnapshotId(stack, run.Record.Id);
        // A resumed snapshot is only started again when RDS never got the first request.
        var start = hook is null || await snapshots.DescribeAsync(database, id, cancellationToken) is null;
        hook ??= await run.StartAsync(HookNames.Snapshot, HookNames.PreRelease, id, $"Snapshot {id} of database {database} started", cancellationToken);
        if (start)
        {
            try
            {
                await snapshots.CreateAsync(database, id, stack, run.Record.Id, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return await FailAsync(hook, HookResult.Failed, id, $"snapshot {id} of database {database} could not be started: {error.Message}", cancellationToken);
            }
        }

        var (last, timedOut) = await run.PollAsync(hook.StartedAt + run.Record.Plan.Hooks.SnapshotTimeout,
            token => snapshots.DescribeAsync(database, id, token),
            state => state?.Status != Creating,
            state => state is null ? $"snapshot {id}: not found" : $"snapshot {id}: {state.Status}, {state.PercentProgress}%",
            cancellationToken);
        if (last is { Status: Available })
        {
            await run.FinishAsync(hook, HookNames.PreRelease, HookResult.Ok, id,
                $"Snapshot {id} of database {database} is available", cancellationToken);
            return null;
        }

        return timedOut
            ? await FailAsync(hook, HookResult.Timeout, id,
                $"snapshot {id} of database {database} not available within {run.Record.Plan.Hooks.SnapshotTimeout} ({last?.PercentProgress ?? 0}% done); it is left to finish and is pruned like any release snapshot",
                cancellationToken)
            : await FailAsync(hook, HookResult.Failed, id,
                $"snapshot {id} of database {database} {(last is null ? "disappeared" : $"ended in status {last.Status}")}", cancellationToken);
    }

    private async Task<string> FailAsync(HookRecord hook, HookResult result, string id, string reason, CancellationToken cancellationToken)
    {
        await run.FinishAsync(hook, HookNames.PreRelease, result, id, $"Rollout {run.Record.Id}: {reason}", cancellationToken);
        return reason;
    }
}
