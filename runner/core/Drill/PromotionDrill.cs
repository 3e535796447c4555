using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// The promotion drill's phases: the replica's lag (for reference), markers to the primary, the promotion through the
/// core <see cref="Failover"/> procedure (as <c>failover --yes --force</c> runs it, so a drill rehearses exactly what an
/// outage would run), the newest marker read from the promoted replica, and the DR load balancer's health. The marker
/// writer keeps going until failover's promote call, so the RPO compares the last marker the primary took before the
/// replica stopped following it with the newest the promoted replica has.
/// </summary>
internal sealed class PromotionDrill(DrillPorts ports, DrillSession session)
{
    public async Task<DrillEnding> RunAsync(DrillOptions options, CancellationToken cancellationToken)
    {
        var stack = session.Facts.Stack;
        if (await LagAsync(cancellationToken) is { } lagFailed) return lagFailed;
        if (await session.StartMarkersAsync(cancellationToken) is { } markersFailed) return markersFailed;

        await session.BeginAsync(DrillPhase.Promotion,
            "failover --force: fence the primary, promote the replica, record the promotion in the release ledger's dr item, scale the DR services, move DNS, fence the primary again", cancellationToken);
        session.Facts = session.Facts with { FailoverStartedAt = session.Now };
        await session.AppendAsync(DrillEventKind.FailoverStarted, $"Failover of {stack.StackName} started (forced: the primary is healthy in a drill)", CancellationToken.None);
        var failoverPorts = ports.Failover with { Database = new StopMarkersOnPromote(ports.Failover.Database, session.StopMarkersAsync) };
        var failover = await new Failover(failoverPorts, new DrOptions(stack.Targets.Rpo.TotalSeconds))
            .RunAsync(stack.Topology!, force: true, cancellationToken);
        // Failover ended before its promote call: the writer stops now, and the copy is read against what it wrote.
        await session.StopMarkersAsync();
        session.Facts = session.Facts with { Failover = failover };
        if (cancellationToken.IsCancellationRequested) throw new InterruptedDrill();
        if (failover.Outcome != DrOutcome.Succeeded)
        {
            return await session.FailAsync(DrillEventKind.FailoverFailed,
                $"{failover.Message}. Finish it with `failover --stack {stack.StackName} --yes --force` (its steps are safe to re-run), or go back with `failback --stack {stack.StackName} --yes`");
        }

        session.Passed();
        await session.AppendAsync(DrillEventKind.FailedOver, failover.Message, CancellationToken.None);

        if (await session.ReadMarkersAsync(stack.PromotedReplica, cancellationToken) is { } readFailed) return readFailed;

        var url = session.Facts.HealthUrl!;
        await session.BeginAsync(DrillPhase.Health, $"waiting for {options.HealthSuccesses} x 2xx in a row from {url}", cancellationToken);
        var health = await session.Guard(t => ports.Health.RunAsync(
            new SmokeTarget(url, null), new SmokeCheckSettings(stack.HealthCheckPath, options.HealthSuccesses, options.Timeout), t), cancellationToken);
        if (!health.Passed)
        {
            return await session.FailAsync(DrillEventKind.HealthTimedOut,
                $"The DR region did not become healthy within {DrillReport.Duration(options.Timeout)} after failover: {health.Detail}. " +
                $"The replica is promoted; check the DR services and the target health of the DR load balancer in {stack.DrRegion}");
        }

        session.Facts = session.Facts with { HealthyAt = session.Now };
        session.Passed();
        var succeeded = $"The DR region is healthy ({health.Detail}); RTO {DrillReport.Rto(session.Facts)}, RPO {DrillReport.Rpo(session.Facts)}";
        await session.AppendAsync(DrillEventKind.Healthy, succeeded, CancellationToken.None);
        return new DrillEnding(DrillOutcome.Succeeded, succeeded);
    }

    /// <summary>Phase <see cref="DrillPhase.ReplicaLag"/>: for reference only; a failed read stops the drill before anything changed.</summary>
    private async Task<DrillEnding?> LagAsync(CancellationToken cancellationToken)
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

    /// <summary>Names how far an interrupted drill got; failover's own report says which of its steps ran.</summary>
    public static string Interrupted(DrillFacts facts)
    {
        var phase = (facts.FailedPhase ?? facts.Running) is { } stopped ? $" during phase {DrillReport.PhaseName(stopped)}" : "";
        return facts.FailoverStartedAt is null
            ? $"Interrupted{phase} before failover started; nothing was changed"
            : $"Interrupted{phase} after failover started: {facts.Failover?.Message ?? "it may have promoted the replica"}. " +
              $"Finish with `failover --stack {facts.Stack.StackName} --yes --force` or go back with `failback --stack {facts.Stack.StackName} --yes`";
    }
}
