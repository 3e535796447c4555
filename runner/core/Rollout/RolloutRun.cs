namespace Infra.Runner.Rollout;

/// <summary>
/// The state machine for one rollout: runs the phase in the record, persists the next phase, repeats until an outcome.
/// Because every transition is written to the stack first, a new runner given the same record continues where this one stopped.
/// Every failure ends in a known state: stopped before traffic moved, rolled back, or RollbackFailed with the split reported.
/// </summary>
internal sealed class RolloutRun : IHookHost
{
    private readonly RolloutPorts ports;
    private readonly RolloutReporter reporter;
    private readonly StackOutputs outputs;
    private readonly TrafficApplier traffic;
    private readonly WebhookCalls webhooks;

    // The database release snapshots are taken of and pruned from (see HookOutputs.Database); null without a snapshot.
    private readonly SnapshotDatabase? database;
    private RolloutRecord record;

    // The abort or rollback request being acted on, if any: a rollback the release guard already carried out is adopted.
    private RolloutStopRequest? stopRequest;

    public RolloutRun(RolloutPorts ports, RolloutRecord record, StackOutputs outputs, TrafficLedger ledger, SnapshotDatabase? database = null)
    {
        this.ports = ports;
        this.database = database;
        this.record = record;
        this.outputs = outputs;
        reporter = new RolloutReporter(ports);
        webhooks = new WebhookCalls(Hooks);
        traffic = new TrafficApplier(ports.Stack, outputs, ledger);
    }

    private RolloutPlan Plan => record.Plan;

    RolloutRecord IHookHost.Record => record;

    private HookRun Hooks => new(ports, reporter, this);

    /// <summary>Runs to an outcome. Rethrows <see cref="StackBusyException"/> only before traffic moved (nothing changed), and cancellation (record kept).</summary>
    public Task<RolloutResult> RunAsync(CancellationToken cancellationToken) => GuardAsync(() => RunPhasesAsync(cancellationToken), cancellationToken);

    /// <summary>Stops the rollout for another command (see <see cref="StopCoreAsync"/>), ending like <see cref="RunAsync"/> on a cancel or a lost hold.</summary>
    public Task<RolloutResult> StopAsync(string reason, bool busyMeansNothingChanged, CancellationToken cancellationToken, RolloutStopRequest? stop = null)
    {
        stopRequest = stop;
        return GuardAsync(() => StopCoreAsync(reason, busyMeansNothingChanged, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The two endings that must never start a rollback of their own: a cancel (the record is kept, people are paged
    /// when traffic is split, the hold is given up) and a lost hold (another runner owns the rollout). Outermost, so
    /// they are caught also when they happen inside a stop that another failure started.
    /// </summary>
    private async Task<RolloutResult> GuardAsync(Func<Task<RolloutResult>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run();
        }
        catch (RolloutLeaseException lost)
        {
            return new RolloutResult(RolloutOutcome.RolloutHeld, $"Rollout {record.Id}: {lost.Message}; this runner stopped touching the stack");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReportInterruptionAsync();
            throw;
        }
    }

    private async Task<RolloutResult> RunPhasesAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = record.Phase switch
                {
                    RolloutPhase.Deploying => await DeployImagesAsync(cancellationToken),
                    RolloutPhase.WaitingForReady => await WaitForReadyAsync(cancellationToken),
                    RolloutPhase.SmokeTesting => await SmokeTestAsync(cancellationToken),
                    RolloutPhase.Stopping => await StopCoreAsync("finishing an interrupted stop", busyMeansNothingChanged: false, cancellationToken),
                    RolloutPhase.Shifting => await ShiftAndBakeAsync(cancellationToken),
                    RolloutPhase.TerminationWait => await WaitForTerminationAsync(cancellationToken),
                    RolloutPhase.ScalingDown => await ScaleDownAsync(cancellationToken),
                    _ => await StopCoreAsync("finishing an interrupted rollback", busyMeansNothingChanged: false, cancellationToken),
                };
                if (result is not null)
                {
                    return result;
                }
            }
        }
        catch (TakenOverException)
        {
            return TakenOver();
        }
        catch (StopRequestedException stop)
        {
            return await StopCoreAsync(stop.Message, busyMeansNothingChanged: false, cancellationToken);
        }
        catch (StackBusyException) when (!record.TrafficMayHaveMoved)
        {
            throw;
        }
        catch (Exception error) when (!IsCancelOrLostHold(error, cancellationToken))
        {
            var reason = $"{record.Phase} failed: {error.Message}";
            if (record.Phase is RolloutPhase.TerminationWait or RolloutPhase.ScalingDown)
            {
                return await ReportScaleDownFailureAsync(reason, cancellationToken);
            }

            await reporter.TryAppendAsync(record.Id, RolloutEventKind.UpdateFailed, reason, null, cancellationToken);
            return await StopCoreAsync(reason, busyMeansNothingChanged: false, cancellationToken);
        }
    }

    private static bool IsCancelOrLostHold(Exception error, CancellationToken cancellationToken) =>
        error is RolloutLeaseException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Ends the rollout safely from its current phase: before traffic moved, just drop the record; while shifting or
    /// in the termination wait, roll every service back to the color it started on. Once scale-down began the old
    /// colors may have no tasks left, so rolling back to them is refused.
    /// </summary>
    private async Task<RolloutResult> StopCoreAsync(string reason, bool busyMeansNothingChanged, CancellationToken cancellationToken)
    {
        var result = await StopTrafficAsync(reason, busyMeansNothingChanged, cancellationToken);
        // Notifications: the record is gone, so nothing is stored, and a failure changes nothing.
        await webhooks.RunAsync(WebhookAt.Rollback, s => TrafficWeights.AllTo(s.FromColor), _ => Task.CompletedTask, cancellationToken);
        return result;
    }

    private async Task<RolloutResult> StopTrafficAsync(string reason, bool busyMeansNothingChanged, CancellationToken cancellationToken)
    {
        if (!record.TrafficMayHaveMoved)
        {
            // Recorded first: a runner killed while restoring leaves a record that resume finishes, never one it would shift.
            if (record.Phase != RolloutPhase.Stopping)
            {
                record = record with { Phase = RolloutPhase.Stopping, PhaseStartedAt = ports.Time.GetUtcNow(), Promotion = PromotionRequest.None, StopRequest = null };
                await ports.Stack.WriteRolloutRecordAsync(record, cancellationToken);
            }

            var restore = await RestoreIdleColorsAsync(cancellationToken);
            await ports.Stack.ClearRolloutRecordAsync(cancellationToken);
            var message = $"Rollout {record.Id} stopped before any traffic moved: {reason}{restore}";
            await reporter.TryAppendAsync(record.Id, RolloutEventKind.RolledBack, message, null, cancellationToken);
            await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, message, cancellationToken);
            return new RolloutResult(RolloutOutcome.RolledBack, message);
        }

        if (record.Phase == RolloutPhase.ScalingDown)
        {
            throw new RolloutInputException(
                $"rollout {record.Id} is already scaling its old colors to zero; run resume to finish it, then deploy the previous images");
        }

        var targets = record.Services.Select(s => (s.Name, s.FromColor)).ToList();
        return await new TrafficRollback(ports, reporter)
            .RunAsync(record.Id, record, targets, traffic, reason, busyMeansNothingChanged, RestoreIdleColorsAsync, stopRequest, cancellationToken);
    }

    /// <summary>A pre-release hook failed before the rollout changed anything: the record goes, nothing is restored or updated.</summary>
    private async Task<RolloutResult> StopBeforeChangeAsync(string reason, CancellationToken cancellationToken)
    {
        await ports.Stack.ClearRolloutRecordAsync(cancellationToken);
        var message = $"Rollout {record.Id} stopped before any change: {reason}";
        await reporter.TryAppendAsync(record.Id, RolloutEventKind.RolledBack, message, null, cancellationToken);
        await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, message, cancellationToken);
        return new RolloutResult(RolloutOutcome.RolledBack, message);
    }

    /// <summary>
    /// Puts the new colors' image and scale back in config and applies them with the deploy's own targets (the new
    /// colors' task definition, service and scaling target, and the test route, which follows the live color), so the
    /// next deploy does not re-release the failed image and the new colors scale back. Returns "" or why the apply failed.
    /// </summary>
    private async Task<string> RestoreIdleColorsAsync(CancellationToken cancellationToken)
    {
        await ConfigRestore.RestoreColorsAsync(ports.Stack, record.Services, cancellationToken);
        try
        {
            await ports.Stack.UpdateAsync(RolloutTargets.DeployUrns(outputs, record.Services), cancellationToken);
            return "";
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            return $"; the new colors' previous config is restored but applying it failed ({error.Message}), so they may still run the new image until the next update";
        }
    }

    private async Task<RolloutResult?> DeployImagesAsync(CancellationToken cancellationToken)
    {
        await RequireOwnershipAsync(cancellationToken);
        if (Plan.Hooks.Snapshot && !record.Finished(HookNames.Snapshot)
            && await new SnapshotHook(Hooks, SnapshotTarget()).RunAsync(cancellationToken) is { } failed)
        {
            return await StopBeforeChangeAsync(failed, cancellationToken);
        }

        foreach (var service in record.Services)
        {
            await ports.Stack.SetImageAsync(service.Name, service.ToColor, service.Image, cancellationToken);
            await ports.Stack.SetRunningAsync(service.Name, service.ToColor, true, cancellationToken);
        }

        await ports.Stack.UpdateAsync(RolloutTargets.DeployUrns(outputs, record.Services), cancellationToken);
        await reporter.AppendAsync(record.Id, RolloutEventKind.ImagesDeployed,
            $"Deployed {string.Join(", ", record.Services.Select(s => $"{s.Name}={s.Image} on {s.ToColor.ConfigName()}"))}", cancellationToken);
        await AdvanceAsync(record with { Phase = RolloutPhase.WaitingForReady }, cancellationToken);
        return null;
    }

    /// <summary>
    /// The deploy's update returns once ECS is steady, which for a color that autoscaling has yet to raise from zero
    /// is at zero tasks. So before the smoke check this polls every plan interval until each new color has its
    /// desired count of healthy targets and no unhealthy one, measured from the recorded phase start (a resumed
    /// runner waits only what is left); past the ready timeout the rollout stops before any traffic moved.
    /// </summary>
    private async Task<RolloutResult?> WaitForReadyAsync(CancellationToken cancellationToken)
    {
        var until = record.PhaseStartedAt + Plan.ReadyTimeout;
        while (true)
        {
            // Abort, rollback and take-over are acted on here like at any other poll.
            await RequireOwnershipAsync(cancellationToken);
            var readiness = new List<Readiness>();
            foreach (var service in record.Services)
            {
                var deployed = outputs.For(service.Name);
                var health = await ports.TargetHealth.ReadAsync(outputs.TargetGroup(service.Name, service.ToColor), record.PhaseStartedAt, cancellationToken);
                readiness.Add(ReadinessGate.Evaluate(service.Name, deployed.DesiredCount, health));
            }

            var detail = string.Join("; ", readiness.Select(r => r.Detail));
            var left = until - ports.Time.GetUtcNow();
            left = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            reporter.Report(new RolloutProgress(record.Id, record.Phase, 0, Plan.Steps.Count, 0, left, new Dictionary<string, AlarmState>())
            {
                Readiness = detail,
            });
            if (readiness.All(r => r.Ready))
            {
                await reporter.AppendAsync(record.Id, RolloutEventKind.ColorsReady, $"New colors ready: {detail}", cancellationToken);
                await AdvanceAsync(record with { Phase = RolloutPhase.SmokeTesting }, cancellationToken);
                return null;
            }

            if (left == TimeSpan.Zero)
            {
                var reason = $"new colors not ready within {Plan.ReadyTimeout}: {detail}";
                await reporter.TryAppendAsync(record.Id, RolloutEventKind.ReadyTimedOut, $"Rollout {record.Id}: {reason}", null, cancellationToken);
                return await StopCoreAsync(reason, busyMeansNothingChanged: false, cancellationToken);
            }

            await Task.Delay(left < Plan.PollInterval ? left : Plan.PollInterval, ports.Time, cancellationToken);
        }
    }

    private async Task<RolloutResult?> SmokeTestAsync(CancellationToken cancellationToken)
    {
        // The migration runs once the new colors are ready and before anything reaches them, the smoke check included.
        if (Plan.Hooks.Migration is { } migration && !record.Finished(HookNames.Migration)
            && record.Services.FirstOrDefault(s => s.Name == migration.Service) is { } migrated
            && await new MigrationTaskHook(Hooks, outputs).RunAsync(migration, migrated, cancellationToken) is { } failed)
        {
            return await StopCoreAsync(failed, busyMeansNothingChanged: false, cancellationToken);
        }

        foreach (var service in record.Services)
        {
            var url = RolloutTargets.Smoke(outputs.For(service.Name), Plan.Smoke.Path);
            var check = await ports.Smoke.RunAsync(url, Plan.Smoke, cancellationToken);
            if (!check.Passed)
            {
                await reporter.AppendAsync(record.Id, RolloutEventKind.SmokeFailed, $"Smoke check failed for {service.Name} at {url}: {check.Detail}", cancellationToken);
                return await StopCoreAsync($"smoke check failed for {service.Name} at {url}: {check.Detail}", busyMeansNothingChanged: false, cancellationToken);
            }
        }

        await reporter.AppendAsync(record.Id, RolloutEventKind.SmokePassed, $"Smoke checks passed for {string.Join(", ", record.Services.Select(s => s.Name))}", cancellationToken);
        if (await webhooks.RunAsync(WebhookAt.PreTraffic, s => TrafficWeights.AllTo(s.FromColor), h => SaveHookAsync(h, cancellationToken), cancellationToken) is { } refused)
        {
            return await StopCoreAsync(refused, busyMeansNothingChanged: false, cancellationToken);
        }

        await AdvanceAsync(record with { Phase = RolloutPhase.Shifting, StepIndex = 0 }, cancellationToken);
        return null;
    }

    private async Task<RolloutResult?> ShiftAndBakeAsync(CancellationToken cancellationToken)
    {
        // A resumed rollout that stopped in a pause goes on waiting: the step before it was applied and baked.
        if (Plan.PauseAfter(record.StepIndex) is { } resumed && record.HookStateOf(resumed.HookName) == HookState.Running)
        {
            return await WaitInPauseAsync(resumed, cancellationToken);
        }

        var step = CanaryWatch.Where(record);
        var canary = new CanaryWatch(ports, reporter, outputs);
        var alarms = RolloutTargets.WatchedAlarms(outputs, record.Services);
        var inconclusive = HookNames.InconclusivePause(record.StepIndex);
        CanaryWaitResult baked;
        if (record.HookStateOf(inconclusive) == HookState.Running)
        {
            // A resumed rollout that stopped in the inconclusive pause goes back into it: the step was applied and baked.
            baked = await canary.WaitInconclusivePauseAsync(record, alarms, cancellationToken);
        }
        else
        {
            if (await ApplyStepAsync(step, cancellationToken) is { } failedApply) return failedApply;
            baked = await canary.BakeStepAsync(record, alarms, cancellationToken);
            if (CanaryWatch.PausesInconclusive(record, baked))
            {
                // Stored before it is announced (the phase clock kept), so a resume goes back into it with the step's window.
                await SaveHookAsync(new HookRecord(inconclusive, HookState.Running, null, ports.Time.GetUtcNow()), cancellationToken);
                await canary.AnnounceInconclusivePauseAsync(record, baked, cancellationToken);
                baked = await canary.WaitInconclusivePauseAsync(record, alarms, cancellationToken);
            }
        }

        if (record.Find(inconclusive) is { State: HookState.Running } paused)
        {
            record = record.WithHook(paused with { State = HookState.Done, Reference = baked.Wait.End.ToString().ToLowerInvariant() });
        }

        var verdict = baked.Wait;
        if (baked.AnalysisFailed)
        {
            return await StopCoreAsync($"canary analysis failed at {step}: {baked.DescribeFailures()}", busyMeansNothingChanged: false, cancellationToken);
        }

        if (verdict.End == WaitEnd.Elapsed && baked.Inconclusive)
        {
            var reason = $"canary analysis still inconclusive at {step} after {Plan.Bake + Plan.Canary.MaxInconclusive:g}: {baked.DescribeInconclusive()}";
            await reporter.TryAppendAsync(record.Id, RolloutEventKind.StepInconclusive, reason, null, cancellationToken);
            return await StopCoreAsync(reason, busyMeansNothingChanged: false, cancellationToken);
        }

        switch (verdict.End)
        {
            case WaitEnd.Tripped:
                await reporter.TryAppendAsync(record.Id, RolloutEventKind.AlarmTripped, $"Gate tripped at {step}: {verdict.Detail}", null, cancellationToken);
                return await StopCoreAsync($"gate tripped at {step}: {verdict.Detail}", busyMeansNothingChanged: false, cancellationToken);
            case WaitEnd.TakenOver:
                return TakenOver();
            case WaitEnd.StopRequested:
                stopRequest = verdict.Stop;
                return await StopCoreAsync($"{verdict.Detail} at {step}", busyMeansNothingChanged: false, cancellationToken);
            case WaitEnd.Elapsed:
                await reporter.AppendAsync(record.Id, RolloutEventKind.StepBaked, $"Baked {step} for {Plan.Bake}", cancellationToken);
                break;
            case WaitEnd.Promoted:
                await reporter.AppendAsync(record.Id, RolloutEventKind.StepBaked, $"Promoted past {step} ({verdict.Promotion})", cancellationToken);
                break;
        }

        if (await webhooks.RunAsync(WebhookAt.PostStep, s => TrafficWeights.Shifted(s.ToColor, record.CurrentPercent), h => SaveHookAsync(h, cancellationToken), cancellationToken)
            is { } failed)
        {
            return await StopCoreAsync(failed, busyMeansNothingChanged: false, cancellationToken);
        }

        // Promote full jumps to the last step and keeps skipping bakes and pauses; a plain promote skips this bake only.
        var promotion = verdict.Promotion == PromotionRequest.Full ? PromotionRequest.Full : PromotionRequest.None;
        if (record.IsLastStep)
        {
            return await CompleteAsync(cancellationToken);
        }

        if (promotion != PromotionRequest.Full && Plan.PauseAfter(record.StepIndex) is { } pause)
        {
            // Stored before it is announced, so a resume goes on waiting, counting the time already waited from here.
            await AdvanceAsync(record.WithHook(new HookRecord(pause.HookName, HookState.Running, null, ports.Time.GetUtcNow())) with { Promotion = PromotionRequest.None }, cancellationToken);
            await new PauseWatch(Hooks, reporter, outputs).AnnounceAsync(record, pause, cancellationToken);
            return await WaitInPauseAsync(pause, cancellationToken);
        }

        return await NextStepAsync(promotion, cancellationToken);
    }

    /// <summary>Applies the current step's weights and restarts the phase clock (the step's analysis window); returns the stop when the update failed.</summary>
    private async Task<RolloutResult?> ApplyStepAsync(string step, CancellationToken cancellationToken)
    {
        var changes = record.Services.Select(s => (s.Name, TrafficWeights.Shifted(s.ToColor, record.CurrentPercent))).ToList();
        await RequireOwnershipAsync(cancellationToken);
        try
        {
            await BusyRetry.RunAsync(() => traffic.ApplyAsync(changes, cancellationToken), ports.Time,
                reporter.BusyRetries(record.Id, $"at {step}", cancellationToken), cancellationToken);
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            var reason = $"{step} update failed: {error.Message}";
            await reporter.TryAppendAsync(record.Id, RolloutEventKind.UpdateFailed, reason, null, cancellationToken);
            return await StopCoreAsync(reason, busyMeansNothingChanged: false, cancellationToken);
        }

        await reporter.AppendAsync(record.Id, RolloutEventKind.StepApplied,
            $"Applied {step}: {RolloutTargets.DescribeMoves(record.Services)}", traffic.Ledger.ToData(), cancellationToken);
        await AdvanceAsync(record, cancellationToken, keepStoredPromotion: true);
        return null;
    }

    private async Task<RolloutResult?> NextStepAsync(PromotionRequest promotion, CancellationToken cancellationToken)
    {
        var next = promotion == PromotionRequest.Full ? Plan.Steps.Count - 1 : record.StepIndex + 1;
        await AdvanceAsync(record with { StepIndex = next, Promotion = promotion }, cancellationToken);
        return null;
    }

    private async Task<RolloutResult?> WaitInPauseAsync(RolloutPause pause, CancellationToken cancellationToken)
    {
        var end = await new PauseWatch(Hooks, reporter, outputs).WaitAsync(
            record, pause, RolloutTargets.WatchedAlarms(outputs, record.Services), cancellationToken);
        if (end.Wait.End == WaitEnd.TakenOver)
        {
            return TakenOver();
        }

        if (!end.Continues)
        {
            stopRequest = end.Wait.Stop;
            return await StopCoreAsync(end.StopReason!, busyMeansNothingChanged: false, cancellationToken);
        }

        var waited = record.Find(pause.HookName) ?? new HookRecord(pause.HookName, HookState.Running, null, record.PhaseStartedAt);
        record = record.WithHook(waited with { State = HookState.Done, Reference = end.Wait.End == WaitEnd.Promoted ? "promoted" : "timed out" });
        return await NextStepAsync(end.Promotion, cancellationToken);
    }

    private async Task<RolloutResult?> CompleteAsync(CancellationToken cancellationToken)
    {
        await RequireOwnershipAsync(cancellationToken);
        foreach (var service in record.Services)
        {
            await ports.Stack.SetLiveColorAsync(service.Name, service.ToColor, cancellationToken);
        }

        // The test route forwards to the color that is not live: it must follow now, or the next smoke check hits the live color.
        await BusyRetry.RunAsync(() => ports.Stack.UpdateAsync(RolloutTargets.TestRouteUrns(outputs, record.Services), cancellationToken), ports.Time,
            reporter.BusyRetries(record.Id, "while making the new color live", cancellationToken), cancellationToken);
        var message = $"Rollout {record.Id} complete: {RolloutTargets.DescribeMoves(record.Services)} now live; old colors scale to zero after {Plan.TerminationWait}";
        // The phase advances before anyone is told, so nothing after the live color changed can roll the release back.
        await AdvanceAsync(record with { Phase = RolloutPhase.TerminationWait, Promotion = PromotionRequest.None }, cancellationToken);
        await reporter.AppendAsync(record.Id, RolloutEventKind.Completed, message, cancellationToken);
        await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, message, cancellationToken);
        // Now, not after the termination wait: a failover from here on must find the released images and weights.
        await ApplyDrTierAsync(cancellationToken);
        return null;
    }

    /// <summary>Updates the DR region's copies (see <see cref="DrTierUpdate"/>); returns why it failed, or null.</summary>
    private async Task<string?> ApplyDrTierAsync(CancellationToken cancellationToken)
    {
        if (await new DrTierUpdate(ports, reporter).ApplyAsync(record.Id, outputs, record.Services.Select(s => s.Name).ToList(), cancellationToken)
            is not { } applied)
        {
            return null;
        }

        await SaveHookAsync(applied, cancellationToken);
        return applied.State == HookState.Done ? null : applied.Reference;
    }

    private async Task<RolloutResult?> WaitForTerminationAsync(CancellationToken cancellationToken)
    {
        // Here rather than where the colors went live, so a resume calls what did not answer yet; a failure undoes nothing.
        await webhooks.RunAsync(WebhookAt.PostRelease, s => TrafficWeights.AllTo(s.ToColor), h => SaveHookAsync(h, cancellationToken), cancellationToken);
        // Measured from the recorded phase start, so a resumed runner waits only what is left. The new colors are live
        // and the old ones still run: gates and analysis stay watched until the old ones are gone.
        var watched = await new CanaryWatch(ports, reporter, outputs).WatchAsync(record, record.PhaseStartedAt,
            record.PhaseStartedAt + Plan.TerminationWait, RolloutTargets.WatchedAlarms(outputs, record.Services), untilConclusive: false, cancellationToken);
        var verdict = watched.Wait;
        if (watched.AnalysisFailed || verdict.End == WaitEnd.Tripped)
        {
            var what = watched.AnalysisFailed ? $"canary analysis failed: {watched.DescribeFailures()}" : $"gate tripped: {verdict.Detail}";
            var reason = $"{what} during the termination wait; the old colors still run, so they are live again " +
                $"({string.Join(", ", record.Services.Select(s => $"{s.Name} {s.FromColor.ConfigName()}"))})";
            await reporter.TryAppendAsync(record.Id, RolloutEventKind.AlarmTripped, reason, null, cancellationToken);
            return await StopCoreAsync(reason, busyMeansNothingChanged: false, cancellationToken);
        }

        if (verdict.End == WaitEnd.TakenOver)
        {
            return TakenOver();
        }

        if (verdict.End == WaitEnd.StopRequested)
        {
            stopRequest = verdict.Stop;
            return await StopCoreAsync($"{verdict.Detail} during the termination wait", busyMeansNothingChanged: false, cancellationToken);
        }

        await AdvanceAsync(record with { Phase = RolloutPhase.ScalingDown, Promotion = PromotionRequest.None }, cancellationToken);
        return null;
    }

    private async Task<RolloutResult?> ScaleDownAsync(CancellationToken cancellationToken)
    {
        // Past the termination wait nothing rolls this release back: it succeeded, so older release snapshots may go.
        if (record.Find(HookNames.Snapshot) is { State: HookState.Done } && !record.Finished(HookNames.Prune))
        {
            await new SnapshotPruning(Hooks, SnapshotTarget()).RunAsync(cancellationToken);
        }

        foreach (var service in record.Services)
        {
            await ports.Stack.SetRunningAsync(service.Name, service.FromColor, false, cancellationToken);
        }

        await ports.Stack.UpdateAsync(RolloutTargets.ScaleDownUrns(outputs, record.Services), cancellationToken);
        // Tried again while the record lasts: the update at completion failed, or a runner stopped before it.
        var drTierFailure = record.HookStateOf(HookNames.DrTier) == HookState.Done ? null : await ApplyDrTierAsync(cancellationToken);
        await ports.Stack.ClearRolloutRecordAsync(cancellationToken);
        var message = $"Rollout {record.Id} succeeded: {RolloutTargets.DescribeMoves(record.Services)} live, old colors scaled to zero";
        await reporter.AppendAsync(record.Id, RolloutEventKind.ScaledDown, message, cancellationToken);
        return drTierFailure is null
            ? new RolloutResult(RolloutOutcome.Succeeded, message)
            : new RolloutResult(RolloutOutcome.Succeeded, $"{message}; but the DR region's copies were not updated ({drTierFailure}): run pulumi up before relying on failover")
            {
                NeedsAttention = true,
            };
    }

    /// <summary>The new color is live and takes all traffic; only the wait and scale-down are left, for resume to retry.</summary>
    private async Task<RolloutResult> ReportScaleDownFailureAsync(string reason, CancellationToken cancellationToken)
    {
        var message = $"Rollout {record.Id} succeeded but the old colors still run ({reason}); run resume to scale them to zero";
        await reporter.TryAppendAsync(record.Id, RolloutEventKind.ScaleDownFailed, message, null, cancellationToken);
        await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, message, cancellationToken);
        return new RolloutResult(RolloutOutcome.Succeeded, message) { NeedsAttention = true };
    }

    private SnapshotDatabase SnapshotTarget() =>
        database ?? throw new InvalidOperationException("the release takes snapshots but the stack outputs name no database to take them of");

    private RolloutResult TakenOver() =>
        new(RolloutOutcome.RolloutHeld, $"Rollout {record.Id} was aborted or rolled back by another runner; this runner stopped");

    /// <summary>
    /// Ctrl+C or a CI cancel: the update in flight has finished (updates are never killed), so the record says where the
    /// rollout stopped. Its hold is given up for any machine to resume or roll back, and with traffic split people are paged.
    /// </summary>
    private async Task ReportInterruptionAsync()
    {
        var split = record.TrafficMayHaveMoved && record.Phase is RolloutPhase.Shifting or RolloutPhase.RollingBack;
        var message = $"Rollout {record.Id} interrupted in phase {record.Phase} at step {record.StepIndex + 1}; its record is kept: run resume or rollback"
            + (split ? $" — traffic is split: {traffic.Ledger.Describe()}" : "");
        await reporter.TryAppendAsync(record.Id, RolloutEventKind.Interrupted, message, null, CancellationToken.None);
        if (split)
        {
            await reporter.NotifyAsync(record.Id, NotificationSeverity.Critical, message, CancellationToken.None);
        }

        try
        {
            await ports.Stack.ReleaseRolloutAsync(CancellationToken.None);
        }
        catch (Exception error)
        {
            await reporter.TryAppendAsync(record.Id, RolloutEventKind.Interrupted,
                $"Could not give up the hold on rollout {record.Id} ({error.Message}); another machine must wait for it to expire and use --take-over",
                null, CancellationToken.None);
        }
    }

    /// <summary>
    /// Persists the next state before acting on it; the phase clock restarts with every write. Refuses to write over
    /// another command's abort or rollback. With <paramref name="keepStoredPromotion"/> (re-writing the same step), a
    /// promote requested while the step was applied is kept rather than overwritten.
    /// </summary>
    private async Task AdvanceAsync(RolloutRecord next, CancellationToken cancellationToken, bool keepStoredPromotion = false)
    {
        var stored = await RequireOwnershipAsync(cancellationToken);
        var promotion = keepStoredPromotion && stored.Promotion != PromotionRequest.None ? stored.Promotion : next.Promotion;
        record = next with { PhaseStartedAt = ports.Time.GetUtcNow(), Promotion = promotion };
        await ports.Stack.WriteRolloutRecordAsync(record, cancellationToken);
    }

    /// <summary>
    /// Stores a hook's state with the current phase; the phase clock keeps running (a resumed wait measures from its
    /// start), and a promote stored meanwhile by another machine is kept.
    /// </summary>
    public async Task SaveHookAsync(HookRecord hook, CancellationToken cancellationToken)
    {
        var stored = await RequireOwnershipAsync(cancellationToken);
        record = record.WithHook(hook) with { Promotion = stored.Promotion };
        await ports.Stack.WriteRolloutRecordAsync(record, cancellationToken);
    }

    Task IHookHost.PollOwnershipAsync(CancellationToken cancellationToken) => RequireOwnershipAsync(cancellationToken);

    /// <summary>
    /// The stored record, which must still be this rollout's: abort or rollback from another command clears or replaces
    /// it, and from then on this runner must not write or update anything. A pending abort or rollback request is acted
    /// on here, before the next change.
    /// </summary>
    private async Task<RolloutRecord> RequireOwnershipAsync(CancellationToken cancellationToken)
    {
        var stored = await ports.Stack.ReadRolloutRecordAsync(cancellationToken);
        if (stored is null || stored.Id != record.Id) throw new TakenOverException();
        if (stored.StopRequest is not { } stop) return stored;
        stopRequest = stop;
        throw new StopRequestedException(stop.Describe());
    }

    /// <summary>Unwinds to <see cref="RunAsync"/>, which ends with the taken-over result and touches nothing.</summary>
    private sealed class TakenOverException : Exception;

    /// <summary>Unwinds to <see cref="RunAsync"/>, which stops the rollout for the request.</summary>
    private sealed class StopRequestedException(string reason) : Exception(reason);
}
