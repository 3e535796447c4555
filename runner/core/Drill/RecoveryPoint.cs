namespace Infra.Runner.Drill;

/// <summary>
/// The data a drill lost: the time between the last marker written to the primary and the newest marker found in the
/// promoted or restored database. With no surviving marker the loss is at least the whole marker window.
/// </summary>
public sealed record RecoveryPoint(DrillMarker LastWritten, DrillMarker? NewestFound, string FoundIn, TimeSpan Lost)
{
    public bool NoneSurvived => NewestFound is null;

    public static RecoveryPoint Measure(MarkerRun written, DrillMarker? newestFound, string foundIn)
    {
        var last = written.Last ?? throw new ArgumentException("no marker was written", nameof(written));
        var since = newestFound?.WrittenAt ?? written.First!.WrittenAt;
        // A copy cannot be ahead of the primary; a marker found with a later time would be another writer's clock.
        var lost = last.WrittenAt - since;
        return new RecoveryPoint(last, newestFound, foundIn, lost < TimeSpan.Zero ? TimeSpan.Zero : lost);
    }
}
