namespace Infra.Runner.Rollout;

/// <summary>
/// The first move of a rollback: every service back on its color with one load-balancer call each, then all of them
/// recorded in the ledger as applied (desired and applied) in one write, before the reconciling targeted update, which then finds the weights
/// already where it declares them. When the release guard already moved the traffic the runner says so and switches
/// again all the same: an update of its own that was in flight when the guard acted may have split it again, and the
/// call is idempotent.
/// </summary>
internal sealed class FastRollback(RolloutPorts ports, RolloutReporter reporter)
{
    /// <summary>True when traffic is back on every target's color already (moved here or by the guard); false: the update moves it.</summary>
    public async Task<bool> RunAsync(
        string rolloutId,
        IReadOnlyList<(string Service, DeployColor Color)> targets,
        StackOutputs outputs,
        TrafficLedger ledger,
        RolloutStopRequest? adopted,
        CancellationToken cancellationToken)
    {
        var described = string.Join(", ", targets.Select(t => $"{t.Service} to {t.Color.ConfigName()}"));
        if (adopted is { GuardFlipped: true })
        {
            await reporter.TryAppendAsync(rolloutId, RolloutEventKind.GuardRollbackAdopted,
                $"The release guard already moved {described} ({adopted.Describe()}); switching again in case an update in flight split it, then reconciling with a targeted update",
                ledger.ToData(), cancellationToken);
        }

        if (ports.TrafficSwitch is not { } traffic) return false;
        var moved = new List<(string Service, DeployColor LiveColor, TrafficWeights Weights)>();
        Exception? failure = null;
        try
        {
            foreach (var (service, color) in targets)
            {
                var route = outputs.For(service).Route ?? throw new RolloutInputException(
                    $"the stack outputs lack services.{service}.trafficRoute or its colors' targetGroupArn; run pulumi up with this version of the program first");
                var weights = TrafficWeights.AllTo(color);
                await traffic.SwitchAsync(route, weights, cancellationToken);
                ledger.Confirm(service, weights);
                moved.Add((service, color, weights));
            }
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            failure = error;
        }

        try
        {
            // What moved is recorded even when a later switch failed, so the ledger says where the load balancer is.
            if (moved.Count > 0) await ports.Stack.RecordTrafficAppliedAsync(moved, cancellationToken);
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            failure ??= error;
        }

        if (failure is not null)
        {
            var done = moved.Count == 0 ? "no service was switched" : $"switched {string.Join(", ", moved.Select(m => m.Service))} before it stopped";
            await reporter.TryAppendAsync(rolloutId, RolloutEventKind.FastRollbackFailed,
                $"Direct switch of {described} failed ({failure.Message}); {done}; the targeted update moves the traffic instead",
                ledger.ToData(), cancellationToken);
            return false;
        }

        await reporter.TryAppendAsync(rolloutId, RolloutEventKind.FastRollbackApplied,
            $"Moved {described} with the load balancer's API and recorded it as applied; reconciling with a targeted update",
            ledger.ToData(), cancellationToken);
        await RefreshStateAsync(rolloutId, targets.Select(t => t.Service), outputs, cancellationToken);
        return true;
    }

    /// <summary>
    /// Pulumi's state still holds the weights of the last update: a targeted refresh of the switched routes reads what
    /// the load balancer does now, so the reconciling update finds no change. When it fails the update goes on all the
    /// same: it re-sends the forward action the switch already set, which moves no traffic.
    /// </summary>
    private async Task RefreshStateAsync(string rolloutId, IEnumerable<string> services, StackOutputs outputs, CancellationToken cancellationToken)
    {
        var urns = RolloutTargets.TrafficUrns(outputs, services);
        try
        {
            await ports.Stack.RefreshAsync(urns, cancellationToken);
        }
        catch (Exception error) when (error is not (OperationCanceledException or RolloutLeaseException))
        {
            await reporter.TryAppendAsync(rolloutId, RolloutEventKind.StateRefreshFailed,
                $"Refreshing Pulumi's state of {string.Join(", ", urns)} failed ({error.Message}); the reconciling update re-sends the forward action already in place, so it shows the listener or rule as changed but moves no traffic",
                null, cancellationToken);
        }
    }
}
