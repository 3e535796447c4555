namespace Infra.Runner.Rollout;

/// <summary>
/// Puts every given service back on its color with 100/0 weights: first directly through the load balancer's API
/// (<see cref="FastRollback"/>, or adopting the release guard's switch), then with a targeted update of only their
/// listener/rule URNs, which reconciles Pulumi's state (and moves the traffic itself when the direct switch failed).
/// With a rollout record, the record is marked <see cref="RolloutPhase.RollingBack"/> before anything changes (so an
/// interrupted rollback is finished by the next rollback), and after the traffic moved the new colors' config is
/// restored and applied, and then the DR region's copies follow (<see cref="DrTierUpdate"/>). If the traffic update fails, the journal and a critical notification state exactly which
/// services may be split and at which weights, and the record stays in <see cref="RolloutPhase.RollingBack"/>.
/// </summary>
internal sealed class TrafficRollback(RolloutPorts ports, RolloutReporter reporter)
{
    /// <param name="rolloutId">The rollout being reverted, or a label for a rollback outside a rollout.</param>
    /// <param name="record">The rollout record; with one, live colors are reset too and the record is cleared on success.</param>
    /// <param name="busyMeansNothingChanged">
    /// True for an operator's rollback command: a busy stack is rethrown so the command can undo its config and exit 4.
    /// False inside a running rollout, where any failure to revert is a failed rollback.
    /// </param>
    /// <param name="restoreIdleColors">With a record: restores and applies the new colors' config; returns "" or why applying failed.</param>
    /// <param name="stop">The request this rollback acts on, if any: one the release guard made after switching traffic itself is adopted.</param>
    public async Task<RolloutResult> RunAsync(
        string rolloutId,
        RolloutRecord? record,
        IReadOnlyList<(string Service, DeployColor Color)> targets,
        TrafficApplier applier,
        string reason,
        bool busyMeansNothingChanged,
        Func<CancellationToken, Task<string>>? restoreIdleColors,
        RolloutStopRequest? stop,
        CancellationToken cancellationToken)
    {
        var services = string.Join(", ", targets.Select(t => t.Service));
        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.RollbackStarted, $"Rolling back {services}: {reason}", null, cancellationToken);
        var moved = false;
        try
        {
            if (record is not null)
            {
                await ports.Stack.WriteRolloutRecordAsync(
                    record with { Phase = RolloutPhase.RollingBack, Promotion = PromotionRequest.None, StopRequest = null }, cancellationToken);
                foreach (var (service, color) in targets)
                {
                    await ports.Stack.SetLiveColorAsync(service, color, cancellationToken);
                }
            }

            moved = await new FastRollback(ports, reporter).RunAsync(rolloutId, targets, applier.Outputs, applier.Ledger, stop, cancellationToken);
            var back = targets.Select(t => (t.Service, TrafficWeights.AllTo(t.Color))).ToList();
            if (busyMeansNothingChanged && !moved)
            {
                await applier.ApplyAsync(back, cancellationToken);
            }
            else
            {
                // Inside a rollout traffic is split now, and after a direct switch the state must catch up: a busy stack is waited out.
                await BusyRetry.RunAsync(() => applier.ApplyAsync(back, cancellationToken), ports.Time,
                    reporter.BusyRetries(rolloutId, "while rolling back", cancellationToken), cancellationToken);
            }
        }
        catch (StackBusyException) when (busyMeansNothingChanged && !moved)
        {
            if (record is not null)
            {
                // Nothing changed: the rollout stays in the phase it was in.
                await ports.Stack.WriteRolloutRecordAsync(record, CancellationToken.None);
            }

            throw;
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            return await ReportFailureAsync(rolloutId, applier.Ledger, error, cancellationToken);
        }

        var restore = record is not null && restoreIdleColors is not null ? await restoreIdleColors(cancellationToken) : "";
        // Before the record goes, so an interrupted rollback's re-run applies it too; a failure leaves the traffic where it is.
        var drTier = await new DrTierUpdate(ports, reporter).ApplyAsync(rolloutId, applier.Outputs, targets.Select(t => t.Service).Distinct().ToList(), cancellationToken);
        if (record is not null) await ports.Stack.ClearRolloutRecordAsync(cancellationToken);
        var drFailure = drTier is { State: HookState.Failed } ? $"; the DR region's copies were not updated ({drTier.Reference}): run pulumi up before relying on failover" : "";
        var message = $"Rolled back {string.Join(", ", targets.Select(t => $"{t.Service} to {t.Color.ConfigName()}"))}: {reason}{restore}{drFailure}";
        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.RolledBack, message, applier.Ledger.ToData(), cancellationToken);
        await reporter.NotifyAsync(rolloutId, NotificationSeverity.Info, message, cancellationToken);
        return new RolloutResult(RolloutOutcome.RolledBack, message) { NeedsAttention = drFailure.Length > 0 };
    }

    private async Task<RolloutResult> ReportFailureAsync(
        string rolloutId, TrafficLedger ledger, Exception error, CancellationToken cancellationToken)
    {
        // The record (if any) was marked RollingBack before the update, so the next rollback finishes this one.
        var message = $"Rollback of {rolloutId} FAILED ({error.Message}); traffic may be split: {ledger.Describe()}. Run rollback again once the stack is free.";
        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.RollbackFailed, message, ledger.ToData(), cancellationToken);
        await reporter.NotifyAsync(rolloutId, NotificationSeverity.Critical, message, cancellationToken);
        return new RolloutResult(RolloutOutcome.RollbackFailed, message);
    }
}
