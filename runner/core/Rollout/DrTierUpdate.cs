namespace Infra.Runner.Rollout;

/// <summary>
/// Brings the DR region's copies of the services a release or rollback moved (the pilot light) to the state the ledger
/// now holds, with one targeted update. The program declares them from the same release as the primary's, but the
/// rollout's own updates target only the primary's resources: without this a failover would start the previous
/// release's images against the migrated schema and route to colors that run no task. Run once the traffic change is
/// final, so a failure never rolls a good release back: it is journaled and reported, and a later <c>pulumi up</c> applies it.
/// Never while the stack is failed over: the DR region then serves production, ungated.
/// </summary>
internal sealed class DrTierUpdate(RolloutPorts ports, RolloutReporter reporter)
{
    /// <summary>
    /// The <c>dr-tier</c> hook entry for the record (done, or failed with why in its reference); null when the stack has
    /// no DR copy of these services, so nothing was updated.
    /// </summary>
    public async Task<HookRecord?> ApplyAsync(string rolloutId, StackOutputs outputs, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        var urns = RolloutTargets.DrTierUrns(outputs, services);
        if (urns.Count == 0) return null;
        var startedAt = ports.Time.GetUtcNow();
        var names = string.Join(", ", services);
        try
        {
            // Failed over (or switching back), the DR region serves production, and no gate of this rollout watches it.
            if (await ports.Stack.ReadDrPromotedAsync(cancellationToken))
            {
                return await NotUpdatedAsync(rolloutId, $"the DR region's copies of {names} were not updated: the stack is failed over (the ledger's dr item), " +
                    "so they serve production and no gate of this rollout watches them; a pulumi up of the stack applies the ledger's release to them when you choose",
                    "the stack is failed over", startedAt, cancellationToken);
            }

            await BusyRetry.RunAsync(() => ports.Stack.UpdateAsync(urns, cancellationToken), ports.Time,
                reporter.BusyRetries(rolloutId, "while updating the DR region", cancellationToken), cancellationToken);
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            return await NotUpdatedAsync(rolloutId, $"the DR region's copies of {names} were not updated ({error.Message}): they keep the images and weights " +
                "they had before, not the ledger's, so a failover now would start those; the next pulumi up of the stack applies the ledger's",
                error.Message, startedAt, cancellationToken);
        }

        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.DrTierApplied,
            $"Rollout {rolloutId}: the DR region's copies of {names} now run the released images and weights", null, cancellationToken);
        return new HookRecord(HookNames.DrTier, HookState.Done, null, startedAt);
    }

    /// <summary>Journals and reports why the DR copies were not updated; the <c>dr-tier</c> hook fails, so the release asks for attention.</summary>
    private async Task<HookRecord> NotUpdatedAsync(string rolloutId, string why, string reference, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.DrTierFailed, $"Rollout {rolloutId}: {why}", null, cancellationToken);
        await reporter.NotifyAsync(rolloutId, NotificationSeverity.Info, $"Rollout {rolloutId}: {why}", cancellationToken);
        return new HookRecord(HookNames.DrTier, HookState.Failed, reference, startedAt);
    }
}
