namespace Infra.Runner.Drill;

/// <summary>
/// One drill in progress: its facts so far, its journal, the phase bookkeeping and the two marker steps both kinds of
/// drill share (write to the primary, read the newest from the copy). Every event is journaled with the facts as data.
/// </summary>
internal sealed class DrillSession(DrillPorts ports, DrillFacts facts)
{
    public DrillFacts Facts { get; set; } = facts;

    public DateTimeOffset Now => ports.Time.GetUtcNow();

    public Task AppendAsync(DrillEventKind kind, string message, CancellationToken cancellationToken)
    {
        var drillEvent = new DrillEvent(Now, Facts.DrillId, kind, message, DrillReportJson.Data(Facts));
        ports.Progress?.Report(drillEvent);
        return ports.Journal.AppendAsync(drillEvent, cancellationToken);
    }

    /// <summary>Starts timing a phase and says what it does.</summary>
    public Task BeginAsync(DrillPhase phase, string doing, CancellationToken cancellationToken)
    {
        Facts = Facts.Begin(phase, Now);
        return AppendAsync(DrillEventKind.PhaseStarted, $"{DrillReport.PhaseName(phase)}: {doing}", cancellationToken);
    }

    public void Passed() => Facts = Facts.End(Now, PhaseResult.Passed);

    /// <summary>Ends the running phase as failed and journals why; the drill's result names the phase.</summary>
    public async Task<DrillResult> FailAsync(DrillEventKind kind, string message, DrillOutcome outcome = DrillOutcome.Failed)
    {
        Facts = Facts.End(Now, PhaseResult.Failed);
        await AppendAsync(kind, message, CancellationToken.None);
        return Ended(outcome, message);
    }

    /// <summary>The result and both reports; a drill that ran through but missed a target ends as <see cref="DrillOutcome.TargetsMissed"/>.</summary>
    public DrillResult Ended(DrillOutcome outcome, string message)
    {
        if (outcome == DrillOutcome.Succeeded && (Facts.RtoVerdict != TargetVerdict.Pass || Facts.RpoVerdict != TargetVerdict.Pass))
        {
            outcome = DrillOutcome.TargetsMissed;
        }

        return new DrillResult(outcome, message, [], DrillReport.Render(Facts, outcome, message), DrillReportJson.Render(Facts, outcome, message));
    }

    /// <summary>Phase <see cref="DrillPhase.Markers"/>: markers to the primary for the marker window; null when all were written.</summary>
    public async Task<DrillResult?> WriteMarkersAsync(CancellationToken cancellationToken)
    {
        var primary = Facts.Stack.Primary;
        await BeginAsync(DrillPhase.Markers, $"writing a marker row to the {primary.Name} once a second for {DrillReport.Duration(DrillOptions.MarkerWindow)}", cancellationToken);
        var run = await Guard(t => new MarkerWriter(ports.Markers, ports.Time).WriteAsync(primary, Facts.DrillId, DrillOptions.MarkerWindow, t), cancellationToken);
        Facts = Facts with { Markers = run };
        if (run.Failure is { } failure)
        {
            return await FailAsync(DrillEventKind.MarkersFailed,
                $"Writing marker rows to the {primary.Name} failed after {run.Count} marker(s): {failure}; nothing was changed");
        }

        Passed();
        await AppendAsync(DrillEventKind.MarkersWritten,
            $"{run.Count} marker(s) written to the {primary.Name}, the last (#{run.Last!.Sequence}) at {DrillReport.Time(run.Last.WrittenAt)}; no more are written from now on",
            cancellationToken);
        return null;
    }

    /// <summary>Phase <see cref="DrillPhase.MarkerRead"/>: the newest marker in <paramref name="copy"/> and the RPO; null when read.</summary>
    public async Task<DrillResult?> ReadMarkersAsync(MarkerDatabase copy, CancellationToken cancellationToken)
    {
        await BeginAsync(DrillPhase.MarkerRead, $"reading the newest marker of drill {Facts.DrillId} from the {copy.Name}", cancellationToken);
        DrillMarker? newest;
        try
        {
            newest = await Guard(t => ports.Markers.ReadNewestAsync(copy, Facts.DrillId, t), cancellationToken);
        }
        catch (MarkerStoreException error)
        {
            return await FailAsync(DrillEventKind.MarkerReadFailed, $"Reading the newest marker from the {copy.Name} failed: {error.Message}");
        }

        Facts = Facts with { Rpo = RecoveryPoint.Measure(Facts.Markers!, newest, copy.Name) };
        Passed();
        await AppendAsync(DrillEventKind.MarkerRead, $"RPO: {DrillReport.Rpo(Facts)}", CancellationToken.None);
        return null;
    }

    /// <summary>Runs one port call; Ctrl+C during it becomes <see cref="InterruptedDrill"/>.</summary>
    public async Task<T> Guard<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new InterruptedDrill();
        }
    }

    public Task Guard(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        Guard(async t =>
        {
            await call(t);
            return true;
        }, cancellationToken);
}

/// <summary>Ctrl+C during a phase; the session's facts say how far the drill got.</summary>
internal sealed class InterruptedDrill() : Exception("the drill was interrupted");
