using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// The promotion drill's phases: the replica's lag (for reference), markers to the primary, the promotion (the
/// release ledger's <c>drPromoted</c>, then a full update), the newest marker read from the promoted replica, and the
/// DR load balancer's health. The marker writer has stopped before the promotion starts, so the RPO compares the last
/// marker the primary took with the newest the promoted replica has.
/// </summary>
internal sealed class PromotionDrill(DrillPorts ports, DrillSession session)
{
    // What to do by hand when an interrupted drill leaves the promotion recorded but not applied; after a finished
    // promotion `failback` (README "Disaster recovery") puts the original topology back.
    private const string SetBackByHand =
        "set \"drPromoted\" to false in the desired state of the release ledger's release item before the next update (see README, Disaster recovery)";

    public async Task<DrillResult> RunAsync(DrillOptions options, CancellationToken cancellationToken)
    {
        var stack = session.Facts.Stack;
        if (await LagAsync(cancellationToken) is { } lagFailed) return lagFailed;
        if (await session.WriteMarkersAsync(cancellationToken) is { } markersFailed) return markersFailed;

        await session.BeginAsync(DrillPhase.Promotion, "recording the promotion in the release ledger, then a full update", cancellationToken);
        try
        {
            await session.Guard(t => ports.Stack.SetPromoteAsync(true, t), cancellationToken);
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            return await session.FailAsync(DrillEventKind.UpdateFailed,
                $"Recording the promotion in the release ledger failed ({error.Message}); nothing was changed");
        }

        session.Facts = session.Facts with { PromoteConfig = PromoteConfig.SetTrue };
        await session.AppendAsync(DrillEventKind.PromotionConfigured,
            $"Promotion recorded in the release ledger (drPromoted: true); Pulumi.{stack.StackName}.yaml is not changed", CancellationToken.None);
        if (cancellationToken.IsCancellationRequested) throw new InterruptedDrill();

        // From here the journal is written whatever Ctrl+C says: the report must say what the update did.
        session.Facts = session.Facts with { UpdateStartedAt = session.Now };
        await session.AppendAsync(DrillEventKind.UpdateStarted,
            "Full update started: promotes the replica, scales up the DR services, switches the DR alarms", CancellationToken.None);
        try
        {
            await session.Guard(t => ports.Stack.UpdateAsync(t), cancellationToken);
        }
        catch (StackBusyException busy)
        {
            session.Facts = session.Facts with { UpdateStartedAt = null };
            return await BusyAsync(busy);
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            return await session.FailAsync(DrillEventKind.UpdateFailed,
                $"The promotion update failed ({error.Message}); promotion may be partial. The release ledger's promotion stays true. " +
                $"Inspect with `pulumi preview --diff --stack {stack.StackName}`, then run `pulumi up --stack {stack.StackName}` to finish the promotion");
        }

        session.Facts = session.Facts with { PromotedAt = session.Now };
        session.Passed();
        await session.AppendAsync(DrillEventKind.Promoted, "Promotion update finished", CancellationToken.None);

        if (await session.ReadMarkersAsync(stack.PromotedReplica, cancellationToken) is { } readFailed) return readFailed;

        var url = session.Facts.HealthUrl!;
        await session.BeginAsync(DrillPhase.Health, $"waiting for {options.HealthSuccesses} x 2xx in a row from {url}", cancellationToken);
        var health = await session.Guard(t => ports.Health.RunAsync(
            new SmokeTarget(url, null), new SmokeCheckSettings(stack.HealthCheckPath, options.HealthSuccesses, options.Timeout), t), cancellationToken);
        if (!health.Passed)
        {
            return await session.FailAsync(DrillEventKind.HealthTimedOut,
                $"The DR region did not become healthy within {DrillReport.Duration(options.Timeout)} after the promotion update: {health.Detail}. " +
                $"The replica is promoted; check the DR services and the target health of the DR load balancer in {stack.DrRegion}");
        }

        session.Facts = session.Facts with { HealthyAt = session.Now };
        session.Passed();
        var succeeded = $"The DR region is healthy ({health.Detail}); RTO {DrillReport.Rto(session.Facts)}, RPO {DrillReport.Rpo(session.Facts)}";
        await session.AppendAsync(DrillEventKind.Healthy, succeeded, CancellationToken.None);
        return session.Ended(DrillOutcome.Succeeded, succeeded);
    }

    /// <summary>Phase <see cref="DrillPhase.ReplicaLag"/>: for reference only; a failed read stops the drill before anything changed.</summary>
    private async Task<DrillResult?> LagAsync(CancellationToken cancellationToken)
    {
        var facts = session.Facts;
        var stack = facts.Stack;
        await session.BeginAsync(DrillPhase.ReplicaLag, $"reading ReplicaLag of {stack.ReplicaIdentifier} in {stack.DrRegion}", cancellationToken);
        try
        {
            var lag = await session.Guard(t => ports.ReplicaLag.ReadMaxAsync(
                new ReplicaLagQuery(stack.DrRegion!, stack.ReplicaIdentifier!, facts.LagFrom, facts.LagTo), t), cancellationToken);
            session.Facts = session.Facts with { Lag = lag };
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            return await session.FailAsync(DrillEventKind.LagReadFailed,
                $"Reading ReplicaLag of {stack.ReplicaIdentifier} in {stack.DrRegion} failed ({error.Message}); nothing was changed");
        }

        session.Passed();
        await session.AppendAsync(session.Facts.Lag is null ? DrillEventKind.LagUnknown : DrillEventKind.LagMeasured,
            $"Replica lag: {DrillReport.Lag(session.Facts)}", cancellationToken);
        return null;
    }

    /// <summary>Nothing reached AWS: the promotion goes back to false so the ledger says what is deployed.</summary>
    private async Task<DrillResult> BusyAsync(StackBusyException busy)
    {
        string message;
        try
        {
            await ports.Stack.SetPromoteAsync(false, CancellationToken.None);
            session.Facts = session.Facts with { PromoteConfig = PromoteConfig.SetBackToFalse };
            message = $"The stack is busy with another update ({busy.Message}); nothing was changed and the release ledger's promotion is false again";
        }
        catch (Exception error)
        {
            message = $"The stack is busy with another update ({busy.Message}); nothing was changed, but setting the release ledger's promotion back to false failed " +
                $"({error.Message}): {SetBackByHand}";
        }

        return await session.FailAsync(DrillEventKind.StackBusy, message, DrillOutcome.StackBusy);
    }

    /// <summary>
    /// Names how far an interrupted drill got. Once the promotion was recorded it is set back to false if the update
    /// never started, so the ledger says what is deployed. Runs after Ctrl+C, so nothing here takes the live token.
    /// </summary>
    public async Task<string> InterruptedAsync()
    {
        var facts = session.Facts;
        var phase = facts.Running is { } running ? $" during phase {DrillReport.PhaseName(running)}" : "";
        if (facts.PromotedAt is not null)
        {
            return $"Interrupted{phase}; the promotion update finished";
        }

        if (facts.UpdateStartedAt is not null)
        {
            return $"Interrupted{phase} after the promotion update started; the update may still be running or be partial";
        }

        if (facts.PromoteConfig != PromoteConfig.SetTrue)
        {
            return $"Interrupted{phase} before the promotion update started; nothing was changed";
        }

        try
        {
            await ports.Stack.SetPromoteAsync(false, CancellationToken.None);
            session.Facts = facts with { PromoteConfig = PromoteConfig.SetBackToFalse };
            return $"Interrupted{phase} before the promotion update started; the release ledger's promotion is false again";
        }
        catch (Exception error)
        {
            return $"Interrupted{phase} before the promotion update started; setting the release ledger's promotion back to false failed ({error.Message}): {SetBackByHand}";
        }
    }
}
