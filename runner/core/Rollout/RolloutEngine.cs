namespace Infra.Runner.Rollout;

/// <summary>
/// The runner's rollout commands. Each returns a <see cref="RolloutResult"/> whose exit code the CLI returns;
/// none throws for bad input, a busy stack or a failed update. Cancellation interrupts a rollout and keeps its record.
/// </summary>
public sealed class RolloutEngine(RolloutPorts ports)
{
    private const string NoRollout = "no rollout is in progress on this stack";

    private readonly RolloutReporter reporter = new(ports);

    private IStackOperations Stack => ports.Stack;

    /// <summary>Releases the plan's images to each service's idle color, smoke-tests, shifts and bakes, then makes the new color live.</summary>
    public async Task<RolloutResult> DeployAsync(RolloutPlan plan, CancellationToken cancellationToken = default)
    {
        StackOutputs outputs;
        SnapshotDatabase? database;
        IReadOnlyList<string> firing;
        var before = new List<ServiceConfig>();
        var services = new List<RolloutServiceRecord>();
        try
        {
            var existing = await Stack.ReadRolloutRecordAsync(cancellationToken);
            if (existing is not null)
            {
                throw new RolloutInputException($"rollout {existing.Id} is already in progress on this stack; resume, abort or roll it back first");
            }

            outputs = await Stack.ReadOutputsAsync(cancellationToken);
            foreach (var request in plan.Services)
            {
                var deployed = outputs.For(request.Name);
                var config = await Stack.ReadServiceConfigAsync(request.Name, cancellationToken);
                StaleConfigCheck.RequireLiveColorAndWeights(config, deployed, Stack.StackName);
                services.Add(RolloutPreconditions.Move(request, config));
                before.Add(config);
            }

            var preflight = RolloutTargets.PreflightAlarms(outputs, services);
            var states = await AlarmPresence.RequireAllAsync(ports.Alarms, preflight, cancellationToken);
            firing = AlarmPreflight.Firing(preflight, states);
            if (!plan.DuringIncident)
            {
                AlarmPreflight.Require(preflight, states,
                    "nothing was changed. Deploy once they are OK, or pass --during-incident to deploy a hotfix anyway");
            }
            outputs.RequireMetricNames(services);
            var drPromoted = plan.Hooks.Snapshot && await Stack.ReadDrPromotedAsync(cancellationToken);
            HookOutputs.Require(outputs, plan.Hooks, services, drPromoted);
            database = HookOutputs.Database(outputs, drPromoted);
            await Stack.RequireDeclarableAsync(services, cancellationToken);
        }
        catch (RolloutInputException error)
        {
            return RolloutResult.BadInput(error);
        }
        catch (RolloutLeaseException held)
        {
            // A disaster-recovery command holds the stack (failover, drill, fail-back): nothing was changed.
            return Held(held);
        }

        var now = ports.Time.GetUtcNow();
        var record = new RolloutRecord(
            $"r{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..23], now, plan, services, RolloutPhase.Deploying, 0, now, PromotionRequest.None);
        try
        {
            // Taking the rollout is the race two runners can run: exactly one wins, the other has changed nothing.
            await Stack.WriteRolloutRecordAsync(record, cancellationToken);
        }
        catch (RolloutLeaseException held)
        {
            return Held(held);
        }

        await reporter.AppendAsync(record.Id, RolloutEventKind.Started, $"Rollout {record.Id} started: {RolloutTargets.DescribeMoves(services)}", cancellationToken);
        if (plan.DuringIncident)
        {
            var overridden = AlarmPreflight.DescribeOverride(record.Id, firing);
            await reporter.AppendAsync(record.Id, RolloutEventKind.IncidentOverride, overridden,
                new Dictionary<string, string> { ["alarmsInAlarm"] = string.Join(",", firing) }, cancellationToken);
            await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, overridden, cancellationToken);
        }

        if (plan.Overrides.Any)
        {
            var overridden = $"Rollout {record.Id} overrides the stack's release hooks for this deploy: {plan.Overrides.Describe()}";
            await reporter.AppendAsync(record.Id, RolloutEventKind.HooksOverridden, overridden,
                new Dictionary<string, string> { ["overrides"] = plan.Overrides.Describe() }, cancellationToken);
            await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, overridden, cancellationToken);
        }

        try
        {
            return await new RolloutRun(ports, record, outputs, new TrafficLedger(before), database).RunAsync(cancellationToken);
        }
        catch (StackBusyException busy)
        {
            await ConfigRestore.RestoreColorsAsync(Stack, services, cancellationToken);
            await Stack.ClearRolloutRecordAsync(cancellationToken);
            return await BusyAsync(record.Id, busy, "the deploy was not started", cancellationToken);
        }
    }

    /// <summary>The rollout in progress on this stack, or null: what a command checks before it resumes it.</summary>
    public Task<RolloutRecord?> ReadRolloutAsync(CancellationToken cancellationToken = default) => Stack.ReadRolloutRecordAsync(cancellationToken);

    /// <summary>Continues the recorded rollout from its recorded phase and step (a step is re-applied and baked in full).</summary>
    public async Task<RolloutResult> ResumeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var record = await Stack.ReadRolloutRecordAsync(cancellationToken) ?? throw new RolloutInputException(NoRollout);
            if (record.StopRequest is { } stop)
            {
                return await StopRecordedAsync(record with { StopRequest = null }, stop.Describe(), cancellationToken, stop);
            }

            var (outputs, configs) = await ReadServicesAsync(record.Services.Select(s => s.Name), record, cancellationToken);
            // Read again on every resume: after a failover in between, snapshots are taken of (and pruned from) the promoted DR database.
            var drPromoted = record.Plan.Hooks.Snapshot && await Stack.ReadDrPromotedAsync(cancellationToken);
            if (!record.TrafficMayHaveMoved)
            {
                HookOutputs.Require(outputs, record.Plan.Hooks, record.Services, drPromoted);
                var preflight = RolloutTargets.PreflightAlarms(outputs, record.Services);
                var states = await AlarmPresence.RequireAllAsync(ports.Alarms, preflight, cancellationToken);
                // A stop only restores config, so it goes on whatever fires; a deploy overridden with --during-incident too.
                if (record.Phase != RolloutPhase.Stopping && !record.Plan.DuringIncident)
                {
                    AlarmPreflight.Require(preflight, states,
                        $"rollout {record.Id} stays where it is (no traffic moved): resume once they are OK, or roll it back");
                }
            }

            // Taken before anything changes, so of two machines resuming at once exactly one goes on.
            await Stack.WriteRolloutRecordAsync(record, cancellationToken);
            await reporter.AppendAsync(record.Id, RolloutEventKind.Started,
                $"Rollout {record.Id} resumed in phase {record.Phase} at step {record.StepIndex + 1}"
                + (record.Plan.Overrides.Any ? $", with its deploy's overrides: {record.Plan.Overrides.Describe()}" : ""), cancellationToken);
            try
            {
                return await new RolloutRun(ports, record, outputs, new TrafficLedger(configs), HookOutputs.Database(outputs, drPromoted)).RunAsync(cancellationToken);
            }
            catch (StackBusyException busy)
            {
                return await BusyAsync(record.Id, busy, "the rollout record is kept; run resume again", cancellationToken);
            }
        }
        catch (RolloutInputException error)
        {
            return RolloutResult.BadInput(error);
        }
        catch (RolloutLeaseException held)
        {
            return Held(held);
        }
    }

    /// <summary>
    /// With a rollout in progress: all its services back to the colors they started on (<paramref name="service"/> must be null).
    /// Without one: the given service, or every service, back to 100% on its live color; when the ledger and the
    /// deployed stack already say so, nothing is updated and the result is a success that says there was nothing to do.
    /// </summary>
    public async Task<RolloutResult> RollbackAsync(string? service = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var record = await Stack.ReadRolloutRecordAsync(cancellationToken);
            if (record is not null)
            {
                if (service is not null)
                {
                    throw new RolloutInputException(
                        $"rollout {record.Id} is in progress and its services ({string.Join(", ", record.Services.Select(s => s.Name))}) roll back together; run rollback without --service");
                }

                return await RequestOrStopAsync(record, RolloutControl.Rollback, "rollback requested by operator", cancellationToken);
            }

            var outputs = await Stack.ReadOutputsAsync(cancellationToken);
            var names = service is null ? outputs.Services.Keys.Order(StringComparer.Ordinal).ToList() : [outputs.For(service).Name];
            var (deployed, configs) = await ReadServicesAsync(names, null, cancellationToken);
            if (configs.All(c => AtRest(c) && deployed.For(c.Name).Weights == c.Weights))
            {
                return new RolloutResult(RolloutOutcome.Succeeded,
                    $"Nothing to roll back: every service already sends all traffic to its live color ({string.Join(", ", configs.Select(c => $"{c.Name} {c.LiveColor.ConfigName()}"))})");
            }

            var applier = new TrafficApplier(Stack, outputs, new TrafficLedger(configs));
            try
            {
                return await new TrafficRollback(ports, reporter).RunAsync(
                    "rollback", null, configs.Select(c => (c.Name, c.LiveColor)).ToList(), applier,
                    "rollback requested by operator", busyMeansNothingChanged: true, null, null, cancellationToken);
            }
            catch (StackBusyException busy)
            {
                await ConfigRestore.RestoreTrafficAsync(Stack, configs, liveColors: false, cancellationToken);
                return await BusyAsync("rollback", busy, "nothing was rolled back", cancellationToken);
            }
        }
        catch (RolloutInputException error)
        {
            return RolloutResult.BadInput(error);
        }
        catch (RolloutLeaseException held)
        {
            return Held(held);
        }
    }

    /// <summary>Stops the rollout in progress and rolls all its services back; a runner still executing it stops at its next poll.</summary>
    public async Task<RolloutResult> AbortAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var record = await Stack.ReadRolloutRecordAsync(cancellationToken) ?? throw new RolloutInputException(NoRollout);
            return await RequestOrStopAsync(record, RolloutControl.Abort, "aborted by operator", cancellationToken);
        }
        catch (RolloutInputException error)
        {
            return RolloutResult.BadInput(error);
        }
        catch (RolloutLeaseException held)
        {
            return Held(held);
        }
    }

    /// <summary>
    /// Asks the rollout in progress to skip its remaining bake (or, with <paramref name="full"/>, every remaining step).
    /// The runner executing it, or the next <see cref="ResumeAsync"/>, acts on it at its next poll.
    /// </summary>
    public async Task<RolloutResult> PromoteAsync(bool full, CancellationToken cancellationToken = default)
    {
        try
        {
            var record = await Stack.ReadRolloutRecordAsync(cancellationToken) ?? throw new RolloutInputException(NoRollout);
            if (record.Phase is not (RolloutPhase.Shifting or RolloutPhase.TerminationWait))
            {
                throw new RolloutInputException(
                    $"rollout {record.Id} is in phase {record.Phase}; promote applies while traffic shifts or during the termination wait");
            }

            if (record.StopRequest is { } stop)
            {
                throw new RolloutInputException($"rollout {record.Id} has a pending {stop.Describe()}; a promote would replace it, so it is refused");
            }

            var control = full || record.Promotion == PromotionRequest.Full ? RolloutControl.PromoteFull : RolloutControl.Promote;
            var delivery = await Stack.RequestControlAsync(record.Id, control, cancellationToken);
            if (delivery == ControlDelivery.NoRollout) throw new RolloutInputException(NoRollout);
            var paused = record.Plan.PauseAfter(record.StepIndex) is { } pause && record.HookStateOf(pause.HookName) == HookState.Running;
            var inconclusive = record.HookStateOf(HookNames.InconclusivePause(record.StepIndex)) == HookState.Running;
            var message = (full
                ? $"Promotion requested for rollout {record.Id}: skip the remaining steps and bakes"
                : paused
                    ? $"Promotion requested for rollout {record.Id}: end the pause after step {record.StepIndex + 1} and go on with the next step"
                    : inconclusive
                        ? $"Promotion requested for rollout {record.Id}: pass step {record.StepIndex + 1} although its analysis is inconclusive, and go on"
                        : $"Promotion requested for rollout {record.Id}: skip the remaining bake of this step")
                + (delivery == ControlDelivery.Stored ? " (no runner is executing it now: resume acts on it)" : "");
            await reporter.AppendAsync(record.Id, RolloutEventKind.PromoteRequested, message, cancellationToken);
            return new RolloutResult(RolloutOutcome.Succeeded, message);
        }
        catch (RolloutInputException error)
        {
            return RolloutResult.BadInput(error);
        }
        catch (RolloutLeaseException held)
        {
            return Held(held);
        }
    }

    /// <summary>
    /// Live color, weights and images of every service, the rollout in progress, and all gate and critical alarm states;
    /// when the alarms cannot be read, everything else with the reason in <see cref="RolloutStatus.AlarmsUnreadable"/>.
    /// </summary>
    public async Task<RolloutStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var record = await Stack.ReadRolloutRecordAsync(cancellationToken);
        var outputs = await Stack.ReadOutputsAsync(cancellationToken);
        var configs = new List<ServiceConfig>();
        foreach (var name in outputs.Services.Keys.Order(StringComparer.Ordinal))
        {
            configs.Add(await Stack.ReadServiceConfigAsync(name, cancellationToken));
        }

        var alarmNames = outputs.Services.Values
            .SelectMany(s => s.Blue.GateAlarmNames.Concat(s.Green.GateAlarmNames).Concat(s.CriticalAlarmNames))
            .Distinct().ToList();
        if (alarmNames.Count == 0)
        {
            return new RolloutStatus(configs, record, new Dictionary<string, AlarmState>());
        }

        try
        {
            return new RolloutStatus(configs, record, await ports.Alarms.ReadStatesAsync(alarmNames, cancellationToken));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Colors, weights and the rollout come from the stack; an unreadable CloudWatch must not hide them.
            return new RolloutStatus(configs, record, new Dictionary<string, AlarmState>())
            {
                AlarmsUnreadable = $"{alarmNames.Count} alarms could not be read in {ports.Alarms.Region}: {error.Message}",
            };
        }
    }

    /// <summary>
    /// A runner executing the rollout gets the request and rolls back itself at its next poll, so it never undoes the
    /// request; with no runner executing it, this command rolls it back here.
    /// </summary>
    private async Task<RolloutResult> RequestOrStopAsync(
        RolloutRecord record, RolloutControl control, string reason, CancellationToken cancellationToken)
    {
        // A stale ledger is refused before the request is stored, so a refusal changes nothing.
        var (outputs, configs) = await ReadServicesAsync(record.Services.Select(s => s.Name), record, cancellationToken);
        var delivery = await Stack.RequestControlAsync(record.Id, control, cancellationToken);
        return delivery switch
        {
            ControlDelivery.ToRunningRunner => new RolloutResult(RolloutOutcome.Succeeded,
                $"{control.Name()} requested for rollout {record.Id}: the runner executing it rolls it back at its next poll " +
                "(if that runner is gone, whoever resumes the rollout with --take-over once its hold expires does); follow it with status or history"),
            ControlDelivery.NoRollout => throw new RolloutInputException(NoRollout),
            // A rollback the release guard already carried out (its request read with the record) is adopted here too.
            _ => await StopRecordedAsync(record with { StopRequest = null }, outputs, configs, reason, cancellationToken, record.StopRequest),
        };
    }

    private static RolloutResult Held(RolloutLeaseException held) => new(RolloutOutcome.RolloutHeld, held.Message);

    /// <summary>All traffic on the live color in the ledger: what a rollback outside a rollout restores.</summary>
    private static bool AtRest(ServiceConfig config) => config.Weights == TrafficWeights.AllTo(config.LiveColor);

    /// <param name="stop">The stored request being acted on (a release guard's is adopted), null for one made by this command.</param>
    private async Task<RolloutResult> StopRecordedAsync(RolloutRecord record, string reason, CancellationToken cancellationToken, RolloutStopRequest? stop = null)
    {
        var (outputs, configs) = await ReadServicesAsync(record.Services.Select(s => s.Name), record, cancellationToken);
        return await StopRecordedAsync(record, outputs, configs, reason, cancellationToken, stop);
    }

    private async Task<RolloutResult> StopRecordedAsync(
        RolloutRecord record, StackOutputs outputs, IReadOnlyList<ServiceConfig> configs, string reason, CancellationToken cancellationToken,
        RolloutStopRequest? stop = null)
    {
        // The rollout is this command's before anything changes: a runner still holding it refuses this one.
        await Stack.WriteRolloutRecordAsync(record, cancellationToken);
        try
        {
            return await new RolloutRun(ports, record, outputs, new TrafficLedger(configs))
                .StopAsync(reason, busyMeansNothingChanged: true, cancellationToken, stop);
        }
        catch (StackBusyException busy)
        {
            await ConfigRestore.RestoreTrafficAsync(Stack, configs, liveColors: true, cancellationToken);
            return await BusyAsync(record.Id, busy, "nothing was rolled back", cancellationToken);
        }
    }

    /// <summary>
    /// Outputs and config of the named services, refusing a ledger the stack disagrees with: without a rollout record the config's
    /// live color must match the deployed one; with one, the deployed live color must be one the record allows.
    /// </summary>
    private async Task<(StackOutputs Outputs, IReadOnlyList<ServiceConfig> Configs)> ReadServicesAsync(
        IEnumerable<string> names, RolloutRecord? record, CancellationToken cancellationToken)
    {
        var outputs = await Stack.ReadOutputsAsync(cancellationToken);
        var configs = new List<ServiceConfig>();
        foreach (var name in names)
        {
            var deployed = outputs.For(name);
            var config = await Stack.ReadServiceConfigAsync(name, cancellationToken);
            if (record is null)
            {
                StaleConfigCheck.RequireLiveColor(config, deployed, Stack.StackName);
            }
            else
            {
                StaleConfigCheck.RequireRecordedLiveColor(record, record.Services.Single(s => s.Name == name), deployed, Stack.StackName);
            }

            configs.Add(config);
        }

        return (outputs, configs);
    }

    private async Task<RolloutResult> BusyAsync(string rolloutId, StackBusyException busy, string consequence, CancellationToken cancellationToken)
    {
        var message = $"The stack is busy with another update ({busy.Message}); {consequence}";
        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.StackBusy, message, null, cancellationToken);
        return new RolloutResult(RolloutOutcome.StackBusy, message);
    }
}
