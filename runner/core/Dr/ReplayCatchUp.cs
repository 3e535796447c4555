namespace Infra.Runner.Dr;

/// <summary>
/// Fail-back's proof that the new replica holds every write: once nothing writes, the source's WAL end
/// (<c>pg_current_wal_lsn()</c>) is read once, and the replica's replay position (<c>pg_last_wal_replay_lsn()</c>) must
/// reach it. What the source writes after that read (RDS's own heartbeat, checkpoints) is not waited for. This is the
/// check PostgreSQL's own tests wait on (Cluster.pm's wait_for_catchup), not CloudWatch's ReplicaLag, which for RDS
/// PostgreSQL is the time since the last replayed transaction and so grows while nothing writes.
/// </summary>
public static class ReplayCatchUp
{
    /// <summary>Polls under <paramref name="time"/> until the replica has replayed up to the source's WAL end, for at most <paramref name="limit"/>.</summary>
    /// <exception cref="DrStepException">Not reached within the limit; the message says what was last seen (a position, or why a database could not be read).</exception>
    public static async Task<string> WaitAsync(
        IReplicationPosition positions, DatabaseAddress source, DatabaseAddress replica, TimeProvider time, TimeSpan poll, TimeSpan limit,
        CancellationToken cancellationToken)
    {
        WalPosition? target = null;
        var replayed = await DrWait.UntilAsync(time, poll, limit, $"{replica.Name} replaying the WAL of {source.Name} up to its end once the writes stopped", async c =>
        {
            try
            {
                target ??= await positions.ReadWrittenAsync(source, c);
                var seen = await positions.ReadReplayedAsync(replica, c);
                return (seen >= target, seen, Shown(source, target.Value, replica, seen));
            }
            catch (ReplicationPositionException error)
            {
                return (false, (WalPosition?)null, error.Message);
            }
        }, cancellationToken);
        return $"{replica.Name} replayed WAL up to {replayed}, at or past {target} where {source.Name}'s WAL ended once the writes stopped";
    }

    private static string Shown(DatabaseAddress source, WalPosition written, DatabaseAddress replica, WalPosition? replayed) =>
        $"{source.Name} at {written}, {replica.Name} " + (replayed switch
        {
            null => "has replayed nothing yet",
            { } seen when seen >= written => $"replayed to {seen}",
            { } seen => $"replayed to {seen} ({written.Offset - seen.Offset} bytes behind)",
        });
}
