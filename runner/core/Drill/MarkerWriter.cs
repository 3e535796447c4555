namespace Infra.Runner.Drill;

/// <summary>What a marker writer wrote: the first and last marker, how many, and why it stopped early (null: it did not).</summary>
public sealed record MarkerRun(DrillMarker? First, DrillMarker? Last, int Count, string? Failure = null);

/// <summary>
/// Writes marker rows (sequence 1, 2, ...) to one database once a second for a window, each stamped with the drill's
/// clock when written. It runs in the drill's own flow, not beside it, so it has stopped by the time the next phase
/// (promotion or restore) starts: nothing is written to the primary after that moment, which is what the RPO compares.
/// The first failed write stops it (the primary must take every marker, or the RPO would be measured from a gap).
/// </summary>
public sealed class MarkerWriter(IMarkerStore store, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task<MarkerRun> WriteAsync(MarkerDatabase database, string drillId, TimeSpan window, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var run = new MarkerRun(null, null, 0);
        for (long sequence = 1; Interval * (sequence - 1) < window; sequence++)
        {
            // Due times are fixed from the start, so a slow write shortens the next wait instead of drifting.
            var wait = start + Interval * (sequence - 1) - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            var marker = new DrillMarker(drillId, sequence, time.GetUtcNow());
            try
            {
                await store.WriteAsync(database, marker, cancellationToken);
            }
            catch (MarkerStoreException error)
            {
                return run with { Failure = error.Message };
            }

            run = new MarkerRun(run.First ?? marker, marker, run.Count + 1);
        }

        return run;
    }
}
