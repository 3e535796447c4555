using Infra.Runner.Drill;

namespace Infra.Runner.Dr;

/// <summary>
/// Fail-back's catch-up before anything stops: the new replica must replay, within the RPO target, everything its source
/// had written. A round reads the source's WAL end (<c>pg_current_wal_lsn()</c>) at t0, then the replica's replay
/// position (<c>pg_last_wal_replay_lsn()</c>) until it is at or past that end at t1; the replica is caught up when
/// t1 - t0 is at most the target. A round that runs past the target ends, and the next one reads a fresh WAL end.
/// Unlike CloudWatch's ReplicaLag (for RDS PostgreSQL the time since the last replayed transaction), this measure does not
/// grow while the source is idle. t0 is taken before the source is read and t1 after the replica is, so the measured lag
/// is an upper bound: it includes both reads and up to one pause between two reads of the replica.
/// </summary>
public static class RpoCatchUp
{
    /// <summary>The shortest pause between two reads of the replica within a round: each read is a query to another region.</summary>
    private static readonly TimeSpan ShortestPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs rounds under <paramref name="time"/>, <paramref name="poll"/> apart, until one sees the replica replay within
    /// <paramref name="target"/>, for at most <paramref name="limit"/>. Within a round the replica is read every tenth of
    /// the target (at least <see cref="ShortestPause"/>, at most <paramref name="poll"/>).
    /// </summary>
    /// <exception cref="DrStepException">
    /// A database could not be read in the first round (the runner's access is wrong: failing at once beats waiting hours), or
    /// no round was within the target before the limit; the message says what was last seen. Later read errors are looked past.
    /// </exception>
    public static async Task<string> WaitAsync(
        IReplicationPosition positions, DatabaseAddress source, DatabaseAddress replica, TimeSpan target, TimeProvider time, TimeSpan poll, TimeSpan limit,
        CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromTicks(Math.Max(ShortestPause.Ticks, Math.Min(poll.Ticks, target.Ticks / 10)));
        var startedAt = time.GetUtcNow();
        var rounds = 0;
        var caughtUp = await DrWait.UntilAsync(time, poll, limit, $"{replica.Name} replaying within {DrillReport.Duration(target)} what {source.Name} had written", async c =>
        {
            rounds++;
            try
            {
                var round = await RoundAsync(positions, source, replica, target, pause, time, c);
                return (round.Within(target), round, round.Shown(source, replica));
            }
            catch (ReplicationPositionException error) when (rounds > 1)
            {
                return (false, (Round?)null, error.Message);
            }
            catch (ReplicationPositionException error)
            {
                throw new DrStepException($"the catch-up is proven by WAL position, which the runner cannot read: {error.Message}");
            }
        }, cancellationToken);
        return $"{caughtUp!.Shown(source, replica)}: within the RPO target of {DrillReport.Duration(target)}" +
            (rounds > 1 ? $", after {DrillReport.Duration(time.GetUtcNow() - startedAt)} of catching up" : "");
    }

    /// <summary>One measurement: the source's WAL end, what the replica had replayed when the round ended, and how long after the source's read.</summary>
    private sealed record Round(WalPosition Written, WalPosition? Replayed, TimeSpan Took)
    {
        public bool Reached => Replayed >= Written;

        public bool Within(TimeSpan target) => Reached && Took <= target;

        public string Shown(DatabaseAddress source, DatabaseAddress replica) => Replayed switch
        {
            { } seen when seen >= Written => $"{replica.Name} replayed everything {source.Name} had written (WAL up to {Written}; replayed to {seen}) {DrillReport.Duration(Took)} after it was read",
            { } seen => $"{source.Name} at {Written}; {DrillReport.Duration(Took)} later {replica.Name} had replayed to {seen} ({Written.Offset - seen.Offset} bytes behind)",
            null => $"{source.Name} at {Written}; {DrillReport.Duration(Took)} later {replica.Name} had replayed nothing yet",
        };
    }

    /// <summary>Reads the source's WAL end, then the replica until it has replayed up to it or the target has passed.</summary>
    private static async Task<Round> RoundAsync(
        IReplicationPosition positions, DatabaseAddress source, DatabaseAddress replica, TimeSpan target, TimeSpan pause, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        var written = await positions.ReadWrittenAsync(source, cancellationToken);
        while (true)
        {
            var round = new Round(written, await positions.ReadReplayedAsync(replica, cancellationToken), time.GetUtcNow() - readAt);
            if (round.Reached || round.Took >= target) return round;
            // The last read falls at the target itself, so a replica that gets there just in time counts.
            await Task.Delay(pause < target - round.Took ? pause : target - round.Took, time, cancellationToken);
        }
    }
}
