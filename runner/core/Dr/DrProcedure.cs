using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// Runs the steps of failover or fail-back in order, logging and journaling each; the first failure (or Ctrl+C) stops
/// it. Whatever the ending, it describes each region as it now is, renders the report (JSON and Markdown), journals the
/// ending in the ledger and pages. Journal and pager failures are noted in the report, never hide the outcome.
/// </summary>
public sealed class DrProcedure(DrPorts ports, DrTopology topology, string name)
{
    private readonly List<string> _notes = [];

    public string Name => name;

    /// <summary>Journals and logs one event of this procedure (<c>&lt;Name&gt;&lt;kind&gt;</c>, e.g. <c>FailoverStep</c>).</summary>
    public async Task EventAsync(string kind, string message, IReadOnlyDictionary<string, string>? data = null)
    {
        var drEvent = new DrEvent(ports.Time.GetUtcNow(), $"{name}{kind}", message, data ?? new Dictionary<string, string>());
        ports.Progress?.Report(drEvent);
        try
        {
            await ports.Ledger.AppendAsync(drEvent, CancellationToken.None);
        }
        catch (Exception error)
        {
            _notes.Add($"journaling {drEvent.Kind} in the release ledger failed: {error.Message}");
        }
    }

    /// <summary>Ends without a change: journaled, reported, not paged.</summary>
    public Task<DrResult> RefuseAsync(string reason, DateTimeOffset startedAt) => EndUnchangedAsync(DrOutcome.Refused, reason, startedAt);

    /// <summary>Ends without a change because none is needed (its own exit code, so a workflow can tell it from a refusal): journaled, reported, not paged.</summary>
    public Task<DrResult> NothingToDoAsync(string reason, DateTimeOffset startedAt) => EndUnchangedAsync(DrOutcome.NothingToDo, reason, startedAt);

    private async Task<DrResult> EndUnchangedAsync(DrOutcome outcome, string reason, DateTimeOffset startedAt)
    {
        await EventAsync(outcome.ToString(), reason);
        var report = new DrReportFacts(name, topology, startedAt, ports.Time.GetUtcNow(), outcome, reason, [], [], _notes, []);
        return new DrResult(outcome, reason, DrReport.Json(report), DrReport.Markdown(report));
    }

    /// <summary>
    /// Runs <paramref name="steps"/>; when one fails that <paramref name="recovery"/> guards, its steps run next and the
    /// report and message name the state they leave.
    /// </summary>
    public async Task<DrResult> RunAsync(
        IReadOnlyList<DrStep> steps, string succeeded, IReadOnlyList<string> afterwards, NotificationSeverity successSeverity, CancellationToken cancellationToken,
        DrRecovery? recovery = null)
    {
        var startedAt = ports.Time.GetUtcNow();
        await EventAsync("Started", $"{name} of stack {topology.StackName} started: primary {topology.Primary.Region}, DR {topology.Dr.Region}; {steps.Count} steps");
        var records = new List<DrStepRecord>();
        var failed = (await RunStepsAsync(steps, records, cancellationToken, keepGoing: false)).FirstOrDefault();
        var skipped = steps.Skip(records.Count).Select(s => s.Name).ToList();
        DrRecoveryOutcome? recovered = null;
        if (failed is not null && recovery is not null && recovery.Guarded.Contains(failed.Name))
        {
            await EventAsync("RecoveryStarted", $"step {failed.Name} failed after the change began: undoing it ({string.Join(", ", recovery.Steps.Select(s => s.Name))})");
            // Undoing must not be stopped by the Ctrl+C that may have stopped the change.
            // Every undo step runs even when one before it fails: each restores a different part.
            var undoFailed = await RunStepsAsync(recovery.Steps, records, CancellationToken.None, keepGoing: true);
            recovered = undoFailed.Count == 0
                ? new DrRecoveryOutcome(true, recovery.Restored)
                : new DrRecoveryOutcome(false, $"undoing it failed at {string.Join(", ", undoFailed.Select(f => $"step {f.Name} ({f.Detail})"))}");
            await EventAsync(undoFailed.Count == 0 ? "RecoveryDone" : "RecoveryFailed", recovered.State);
        }

        var outcome = failed is null ? DrOutcome.Succeeded : DrOutcome.Failed;
        var message = failed is null
            ? succeeded
            : recovered is null
                ? $"{name} failed at step {failed.Name} ({failed.Detail}); the report says what state each region is in"
                : $"{name} failed at step {failed.Name} ({failed.Detail}); {recovered.State}; the report says what state each region is in";
        var regions = await DrRegionStates.DescribeAsync(ports, topology, CancellationToken.None);
        await EventAsync(failed is null ? "Succeeded" : "Failed", message, new Dictionary<string, string>
        {
            ["failedStep"] = failed?.Name ?? "",
            ["stepsDone"] = string.Join(",", records.Where(r => r.Succeeded).Select(r => r.Name)),
            ["recovery"] = recovered is null ? "" : recovered.Succeeded ? "done" : "failed",
        });
        await PageAsync(failed is null ? successSeverity : NotificationSeverity.Critical, $"{name} of {topology.StackName}: {message}");
        var unfinished = steps.Where(s => !records.Any(r => r.Name == s.Name && r.Succeeded)).Select(s => s.ByHand?.Invoke()).OfType<string>().Distinct();
        var facts = new DrReportFacts(name, topology, startedAt, ports.Time.GetUtcNow(), outcome, message, records, skipped, _notes, regions)
        {
            Afterwards = [.. unfinished, .. afterwards],
            Recovery = recovered,
        };
        return new DrResult(outcome, message, DrReport.Json(facts), DrReport.Markdown(facts));
    }

    /// <summary>Runs steps in order, adding a record for each, until one fails (or to the end when <paramref name="keepGoing"/>); returns the failed ones.</summary>
    private async Task<IReadOnlyList<DrStepRecord>> RunStepsAsync(IReadOnlyList<DrStep> steps, List<DrStepRecord> records, CancellationToken cancellationToken, bool keepGoing)
    {
        var failed = new List<DrStepRecord>();
        for (var index = 0; index < steps.Count && (keepGoing || failed.Count == 0); index++)
        {
            var step = steps[index];
            var at = ports.Time.GetUtcNow();
            await EventAsync("StepStarted", $"step {index + 1}/{steps.Count} {step.Name}: {step.Description}", new Dictionary<string, string> { ["step"] = step.Name });
            string detail;
            bool ok;
            try
            {
                detail = await step.Run(cancellationToken);
                ok = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                (detail, ok) = ("interrupted (Ctrl+C) during this step", false);
            }
            catch (Exception error)
            {
                (detail, ok) = (error.Message, false);
            }

            var record = new DrStepRecord(step.Name, step.Description, at, ports.Time.GetUtcNow(), ok, detail);
            records.Add(record);
            if (!ok) failed.Add(record);
            await EventAsync(ok ? "StepDone" : "StepFailed", $"step {index + 1}/{steps.Count} {step.Name}: {detail}",
                new Dictionary<string, string> { ["step"] = step.Name });
        }

        return failed;
    }

    private async Task PageAsync(NotificationSeverity severity, string message)
    {
        try
        {
            await ports.Pager.NotifyAsync(severity, message, CancellationToken.None);
        }
        catch (Exception error)
        {
            _notes.Add($"paging failed: {error.Message}");
        }
    }
}
