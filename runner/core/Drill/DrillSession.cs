namespace Infra.Runner.Drill;

/// <summary>How a drill's phases ended: the outcome and one line for the operator; the engine renders the reports once.</summary>
internal sealed record DrillEnding(DrillOutcome Outcome, string Message);

/// <summary>
/// One drill in progress: its facts so far, its journal, the phase bookkeeping and the marker steps both kinds of
/// drill share (the writer to the primary, started and stopped; the newest read from the copy). Every event is
/// journaled with the facts as data.
/// </summary>
internal sealed class DrillSession(DrillPorts ports, DrillFacts facts)
{
    private MarkerStream? writer;

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
    public async Task<DrillEnding> FailAsync(DrillEventKind kind, string message, DrillOutcome outcome = DrillOutcome.Failed)
    {
        Facts = Facts.End(Now, PhaseResult.Failed);
        await AppendAsync(kind, message, CancellationToken.None);
        return new DrillEnding(outcome, message);
    }

    /// <summary>The result and both reports, rendered once; a drill that ran through but missed a target ends as <see cref="DrillOutcome.TargetsMissed"/>.</summary>
    public DrillResult Render(DrillEnding ending)
    {
        var outcome = ending.Outcome;
        if (outcome == DrillOutcome.Succeeded && (Facts.RtoVerdict != TargetVerdict.Pass || Facts.RpoVerdict != TargetVerdict.Pass))
        {
            outcome = DrillOutcome.TargetsMissed;
        }

        return new DrillResult(outcome, ending.Message, [], DrillReport.Render(Facts, outcome, ending.Message), DrillReportJson.Render(Facts, outcome, ending.Message));
    }

    /// <summary>
    /// Phase <see cref="DrillPhase.Markers"/>: starts the writer and lets it run for the marker window; the writer goes
    /// on afterwards until <see cref="StopMarkersAsync"/>. Null when the primary took markers; a primary that took none
    /// in the whole window fails the drill before anything changed (there would be nothing to measure).
    /// </summary>
    public async Task<DrillEnding?> StartMarkersAsync(CancellationToken cancellationToken)
    {
        var primary = Facts.Stack.Primary;
        await BeginAsync(DrillPhase.Markers,
            $"writing a marker row to the {primary.Name} once a second for {DrillReport.Duration(DrillOptions.MarkerWindow)} before going on; the writer keeps going until {StopPoint}",
            cancellationToken);
        writer = new MarkerWriter(ports.Markers, ports.Time).Start(primary, Facts.DrillId, cancellationToken);
        await Guard(t => Task.Delay(DrillOptions.MarkerWindow, ports.Time, t), cancellationToken);
        var run = writer.Written;
        Facts = Facts with { Markers = run };
        if (run.Count == 0)
        {
            await StopMarkersAsync();
            return await FailAsync(DrillEventKind.MarkersFailed,
                $"The {primary.Name} took no marker row in {DrillReport.Duration(DrillOptions.MarkerWindow)} ({run.Failed} write(s) failed, the last: {run.LastFailure}); nothing was changed");
        }

        Passed();
        await AppendAsync(DrillEventKind.MarkersWritten,
            $"{run.Count} marker(s) written to the {primary.Name}{Failures(run)}; the writer keeps going until {StopPoint}", cancellationToken);
        return null;
    }

    /// <summary>Stops the writer (once; later calls do nothing) and records what it wrote, the last marker being the last data the copy may hold.</summary>
    public async Task StopMarkersAsync()
    {
        if (writer is null || Facts.MarkersStoppedAt is not null) return;
        var run = await writer.StopAsync();
        Facts = Facts with { Markers = run, MarkersStoppedAt = Now };
        await AppendAsync(DrillEventKind.MarkersStopped, run.Last is { } last
            ? $"Marker writer stopped: {run.Count} marker(s) written to the {Facts.Stack.Primary.Name}{Failures(run)}, the last (#{last.Sequence}) at {DrillReport.Time(last.WrittenAt)}"
            : $"Marker writer stopped: no marker was written{Failures(run)}", CancellationToken.None);
    }

    /// <summary>Phase <see cref="DrillPhase.MarkerRead"/>: the newest marker in <paramref name="copy"/> and the RPO; null when read.</summary>
    public async Task<DrillEnding?> ReadMarkersAsync(MarkerDatabase copy, CancellationToken cancellationToken)
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

    private string StopPoint => Facts.Restore ? "the restore time is chosen" : "failover's promote call";

    private static string Failures(MarkerRun run) => run.Failed == 0 ? "" : $" ({run.Failed} write(s) failed, the last: {run.LastFailure})";
}

/// <summary>Ctrl+C during a phase; the session's facts say how far the drill got.</summary>
internal sealed class InterruptedDrill() : Exception("the drill was interrupted");
