using System.Globalization;
using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// A disaster-recovery drill with data: marker rows to the primary, then a promotion of the DR region
/// (<see cref="PromotionDrill"/>) or a point-in-time restore into a new instance (<see cref="RestoreDrill"/>), the
/// newest marker read back (RPO) and the time to recovery (RTO), each judged against the stack's targets. Never throws
/// for a failed phase: every ending is journaled, reported (Markdown and JSON files, written first) and sent to Slack and the release ledger.
/// </summary>
public sealed class DrillEngine(DrillPorts ports)
{
    public async Task<DrillResult> RunAsync(DrillOptions options, CancellationToken cancellationToken = default)
    {
        var stack = await ports.Stack.ReadAsync(cancellationToken);
        var problems = DrillPreconditions.Problems(stack, options.Restore).ToList();
        if (problems.Count == 0 && !options.Restore && await DrillReplicaCheck.ProblemAsync(stack.Topology!, ports.Failover.Database, cancellationToken) is { } replica)
        {
            problems.Add(replica);
        }

        if (problems.Count > 0)
        {
            return new DrillResult(DrillOutcome.BadInput, $"stack {stack.StackName} cannot be drilled", problems, null, null);
        }

        var now = ports.Time.GetUtcNow();
        var facts = new DrillFacts(
            $"d{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}", stack, options.Restore, now,
            options.Restore ? null : RolloutTargets.SmokeUrl(stack.DrUrl!, stack.HealthCheckPath), options.HealthSuccesses);
        var session = new DrillSession(ports, facts);
        DrillEnding ending;
        try
        {
            await session.AppendAsync(DrillEventKind.Started, options.Restore
                ? $"Restore drill {facts.DrillId} started on stack {stack.StackName}: primary {stack.PrimaryIdentifier} in {stack.Region}"
                : $"Drill {facts.DrillId} started on stack {stack.StackName}: primary {stack.Region}, DR {stack.DrRegion}", cancellationToken);
            ending = options.Restore
                ? await new RestoreDrill(ports, session).RunAsync(cancellationToken)
                : await new PromotionDrill(ports, session).RunAsync(options, cancellationToken);
        }
        catch (InterruptedDrill)
        {
            await session.StopMarkersAsync();
            var message = options.Restore ? RestoreDrill.Interrupted(session.Facts) : PromotionDrill.Interrupted(session.Facts);
            if (session.Facts.Running is not null) session.Facts = session.Facts.End(session.Now, PhaseResult.Failed);
            await session.AppendAsync(DrillEventKind.Interrupted, message, CancellationToken.None);
            ending = new DrillEnding(DrillOutcome.Interrupted, message);
        }

        var result = session.Render(ending);
        await PublishAsync(session, result);
        return result;
    }

    /// <summary>
    /// The report's files first (a drill stopped while publishing still leaves them), then the pager (Slack; SNS when
    /// critical) and the ledger. None failing loses the others: each failure is journaled.
    /// </summary>
    private async Task PublishAsync(DrillSession session, DrillResult result)
    {
        var severity = session.Facts.MayBePromoted && result.Outcome != DrillOutcome.Succeeded && result.Outcome != DrillOutcome.TargetsMissed
            ? NotificationSeverity.Critical
            : NotificationSeverity.Info;
        await Send("The report files could not be written", () => ports.Files.WriteAsync(result.Report!, result.ReportJson!));
        await Send("The report could not be sent to the pager", () => ports.Notifier.NotifyAsync(severity, DrillReport.Summary(session.Facts, result.Outcome), CancellationToken.None));
        await Send("The report could not be sent to the release ledger", () => ports.Reports.RecordAsync(result.ReportJson!, CancellationToken.None));
        await session.AppendAsync(DrillEventKind.Finished, DrillReport.Summary(session.Facts, result.Outcome), CancellationToken.None);

        async Task Send(string failure, Func<Task> send)
        {
            try
            {
                await send();
            }
            catch (Exception error)
            {
                await session.AppendAsync(DrillEventKind.ReportNotSent, $"{failure}: {error.Message}", CancellationToken.None);
            }
        }
    }
}
