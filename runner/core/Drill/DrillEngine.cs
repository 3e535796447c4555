using System.Globalization;
using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// A disaster-recovery drill: checks the stack can be drilled, measures the RPO (the replica's lag before promotion),
/// promotes the DR region (the release ledger's <c>drPromoted</c>, then a full update), and measures the RTO (update start to
/// healthy DR load balancer). Fail-back is manual and listed in the report. Never throws for a failed phase: every
/// ending is journaled and reported.
/// </summary>
public sealed class DrillEngine(DrillPorts ports)
{
    public async Task<DrillResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        var stack = await ports.Stack.ReadAsync(cancellationToken);
        var problems = DrillPreconditions.Problems(stack);
        if (problems.Count > 0)
        {
            return new DrillResult(DrillOutcome.BadInput, $"stack {stack.StackName} cannot be drilled", problems, null);
        }

        var now = ports.Time.GetUtcNow();
        var facts = new DrillFacts(
            $"d{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}", stack, now,
            RolloutTargets.SmokeUrl(stack.DrUrl!, stack.HealthCheckPath), options.HealthSuccesses, now - DrillOptions.LagWindow, now);
        try
        {
            return await RunPhasesAsync(facts, options, cancellationToken);
        }
        catch (InterruptedDrill interrupted)
        {
            var (reached, message) = await InterruptedAsync(interrupted.Facts);
            await AppendAsync(reached, DrillEventKind.Interrupted, message, CancellationToken.None);
            return Ended(reached, DrillOutcome.Interrupted, message);
        }
    }

    /// <summary>
    /// Names the phase an interruption reached. Once the promotion was recorded it is set back to false if the update
    /// never started, so the ledger says what is deployed. Runs after Ctrl+C, so nothing here takes the live token.
    /// </summary>
    private async Task<(DrillFacts Facts, string Message)> InterruptedAsync(DrillFacts facts)
    {
        if (facts.PromotedAt is not null)
        {
            return (facts, "Interrupted while checking the DR region's health; the promotion update finished");
        }

        if (facts.UpdateStartedAt is not null)
        {
            return (facts, "Interrupted after the promotion update started; the update may still be running or be partial");
        }

        if (facts.PromoteConfig != PromoteConfig.SetTrue)
        {
            return (facts, "Interrupted before the promotion update started");
        }

        try
        {
            await ports.Stack.SetPromoteAsync(false, CancellationToken.None);
            return (facts with { PromoteConfig = PromoteConfig.SetBackToFalse },
                "Interrupted before the promotion update started; the release ledger's promotion is false again");
        }
        catch (Exception error)
        {
            return (facts, $"Interrupted before the promotion update started; setting the release ledger's promotion back to false failed ({error.Message}): {SetBackByHand}");
        }
    }

    private async Task<DrillResult> RunPhasesAsync(DrillFacts facts, DrillOptions options, CancellationToken cancellationToken)
    {
        var stack = facts.Stack;
        await AppendAsync(facts, DrillEventKind.Started,
            $"Drill {facts.DrillId} started on stack {stack.StackName}: primary {stack.Region}, DR {stack.DrRegion}", cancellationToken);

        try
        {
            facts = facts with { Lag = await Guard(facts, t => ports.ReplicaLag.ReadMaxAsync(
                new ReplicaLagQuery(stack.DrRegion!, stack.ReplicaIdentifier!, facts.LagFrom, facts.LagTo), t), cancellationToken) };
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            var failed = $"Reading ReplicaLag of {stack.ReplicaIdentifier} in {stack.DrRegion} failed ({error.Message}); nothing was changed";
            await AppendAsync(facts, DrillEventKind.RpoReadFailed, failed, cancellationToken);
            return Ended(facts, DrillOutcome.Failed, failed);
        }

        await AppendAsync(facts, facts.Lag is null ? DrillEventKind.RpoUnknown : DrillEventKind.RpoMeasured,
            $"RPO: {DrillReport.Rpo(facts)}", cancellationToken);

        await Guard(facts, t => ports.Stack.SetPromoteAsync(true, t), cancellationToken);
        facts = facts with { PromoteConfig = PromoteConfig.SetTrue };
        await AppendAsync(facts, DrillEventKind.PromotionConfigured, $"Promotion recorded in the release ledger (drPromoted: true); Pulumi.{stack.StackName}.yaml is not changed", CancellationToken.None);

        if (cancellationToken.IsCancellationRequested)
        {
            throw new InterruptedDrill(facts);
        }

        // From here the journal is written whatever Ctrl+C says: the report must say what the update did.
        facts = facts with { UpdateStartedAt = ports.Time.GetUtcNow() };
        await AppendAsync(facts, DrillEventKind.UpdateStarted, "Full update started: promotes the replica, scales up the DR services, switches the DR alarms", CancellationToken.None);
        try
        {
            await Guard(facts, t => ports.Stack.UpdateAsync(t), cancellationToken);
        }
        catch (StackBusyException busy)
        {
            return await BusyAsync(facts with { UpdateStartedAt = null }, busy);
        }
        catch (Exception error) when (error is not InterruptedDrill)
        {
            var failed = $"The promotion update failed ({error.Message}); promotion may be partial. The release ledger's promotion stays true. " +
                $"Inspect with `pulumi preview --diff --stack {stack.StackName}`, then run `pulumi up --stack {stack.StackName}` to finish the promotion";
            await AppendAsync(facts, DrillEventKind.UpdateFailed, failed, CancellationToken.None);
            return Ended(facts, DrillOutcome.Failed, failed);
        }

        facts = facts with { PromotedAt = ports.Time.GetUtcNow() };
        await AppendAsync(facts, DrillEventKind.Promoted, $"Promotion update finished; checking {facts.HealthUrl}", CancellationToken.None);

        var health = await Guard(facts, t => ports.Health.RunAsync(
            new SmokeTarget(facts.HealthUrl, null), new SmokeCheckSettings(stack.HealthCheckPath, options.HealthSuccesses, options.Timeout), t), cancellationToken);
        if (!health.Passed)
        {
            var failed = $"The DR region did not become healthy within {DrillReport.Duration(options.Timeout)} after the promotion update: {health.Detail}. " +
                $"The replica is promoted; check the DR services and the target health of the DR load balancer in {stack.DrRegion}";
            await AppendAsync(facts, DrillEventKind.HealthTimedOut, failed, CancellationToken.None);
            return Ended(facts, DrillOutcome.Failed, failed);
        }

        facts = facts with { HealthyAt = ports.Time.GetUtcNow() };
        var succeeded = $"The DR region is healthy ({health.Detail}); RTO {DrillReport.Duration(facts.Rto!.Value)}, RPO {DrillReport.Rpo(facts)}";
        await AppendAsync(facts, DrillEventKind.Healthy, succeeded, CancellationToken.None);
        return Ended(facts, DrillOutcome.Succeeded, succeeded);
    }

    /// <summary>Nothing reached AWS: the promotion goes back to false so the ledger says what is deployed.</summary>
    private async Task<DrillResult> BusyAsync(DrillFacts facts, StackBusyException busy)
    {
        string message;
        try
        {
            await ports.Stack.SetPromoteAsync(false, CancellationToken.None);
            facts = facts with { PromoteConfig = PromoteConfig.SetBackToFalse };
            message = $"The stack is busy with another update ({busy.Message}); nothing was changed and the release ledger's promotion is false again";
        }
        catch (Exception error)
        {
            message = $"The stack is busy with another update ({busy.Message}); nothing was changed, but setting the release ledger's promotion back to false failed " +
                $"({error.Message}): {SetBackByHand}";
        }

        await AppendAsync(facts, DrillEventKind.StackBusy, message, CancellationToken.None);
        return Ended(facts, DrillOutcome.StackBusy, message);
    }

    // No runner command clears the promotion yet; README ("Pull requests and delivery") says how by hand.
    private const string SetBackByHand =
        "no runner command sets it back yet: before the next update, set \"drPromoted\" to false in the desired state of the release ledger's release item by hand (see README)";

    private static DrillResult Ended(DrillFacts facts, DrillOutcome outcome, string message) =>
        new(outcome, message, [], DrillReport.Render(facts, outcome, message));

    private Task AppendAsync(DrillFacts facts, DrillEventKind kind, string message, CancellationToken cancellationToken)
    {
        var drillEvent = new DrillEvent(ports.Time.GetUtcNow(), facts.DrillId, kind, message, DrillReport.Data(facts));
        ports.Progress?.Report(drillEvent);
        return ports.Journal.AppendAsync(drillEvent, cancellationToken);
    }

    /// <summary>Runs one port call; Ctrl+C during it becomes <see cref="InterruptedDrill"/> carrying what was known.</summary>
    private static async Task<T> Guard<T>(DrillFacts facts, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new InterruptedDrill(facts);
        }
    }

    private static Task Guard(DrillFacts facts, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        Guard(facts, async t =>
        {
            await call(t);
            return true;
        }, cancellationToken);

    private sealed class InterruptedDrill(DrillFacts facts) : Exception("the drill was interrupted")
    {
        public DrillFacts Facts { get; } = facts;
    }
}
