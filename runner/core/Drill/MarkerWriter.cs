namespace Infra.Runner.Drill;

/// <summary>
/// What a marker writer wrote: the first and last marker the primary took, how many it took, how many writes failed
/// and the last failure (null: none did).
/// </summary>
public sealed record MarkerRun(DrillMarker? First, DrillMarker? Last, int Count, int Failed = 0, string? LastFailure = null);

/// <summary>
/// Writes marker rows (sequence 1, 2, ... per attempt) to one database once a second, each stamped with the drill's
/// clock when written, beside the drill's own flow, until it is stopped: the promotion drill stops it at the promote
/// call, the restore drill when it chooses the restore time, so the last marker written is the last data the copy
/// could hold. A failed write (the primary going away) is counted and the writer goes on: it is data the copy may lack,
/// never a reason to stop measuring.
/// </summary>
public sealed class MarkerWriter(IMarkerStore store, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Starts writing at once; <paramref name="cancellationToken"/> (Ctrl+C) ends the writer too.</summary>
    public MarkerStream Start(MarkerDatabase database, string drillId, CancellationToken cancellationToken)
    {
        var stream = new MarkerStream(cancellationToken);
        stream.Run(WriteAsync(database, drillId, stream, cancellationToken));
        return stream;
    }

    private async Task<MarkerRun> WriteAsync(MarkerDatabase database, string drillId, MarkerStream stream, CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow();
        for (long sequence = 1; ; sequence++)
        {
            var wait = due - time.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stream.Stopping);
                stream.Stopping.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return stream.Written;
            }

            var marker = new DrillMarker(drillId, sequence, time.GetUtcNow());
            try
            {
                // Not the stop token: a write in flight when the writer is stopped still counts, as the primary may have it.
                await store.WriteAsync(database, marker, cancellationToken);
                stream.Add(marker);
            }
            catch (MarkerStoreException error)
            {
                stream.Fail(error.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return stream.Written;
            }

            // Due times are fixed from the start, so a slow write shortens the next wait; one slower than the interval skips the slots it overran.
            due += Interval;
            while (due < time.GetUtcNow()) due += Interval;
        }
    }
}

/// <summary>A running <see cref="MarkerWriter"/>: what it has written so far, and the stop.</summary>
public sealed class MarkerStream
{
    private readonly object gate = new();
    private readonly CancellationTokenSource stop;
    private MarkerRun written = new(null, null, 0);
    private Task<MarkerRun>? loop;

    internal MarkerStream(CancellationToken interrupted) => stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted);

    internal CancellationToken Stopping => stop.Token;

    /// <summary>What the writer has written so far.</summary>
    public MarkerRun Written
    {
        get
        {
            lock (gate) return written;
        }
    }

    /// <summary>Stops the writer once its write in flight (if any) is done; returns everything it wrote. Safe to call again.</summary>
    public Task<MarkerRun> StopAsync()
    {
        stop.Cancel();
        return loop!;
    }

    internal void Run(Task<MarkerRun> writing) => loop = writing;

    internal void Add(DrillMarker marker)
    {
        lock (gate) written = written with { First = written.First ?? marker, Last = marker, Count = written.Count + 1 };
    }

    internal void Fail(string failure)
    {
        lock (gate) written = written with { Failed = written.Failed + 1, LastFailure = failure };
    }
}
