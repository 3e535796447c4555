using Infra.Runner.Dr;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// Fail-back's catch-up before anything stops, under the fake clock: a round reads the source's WAL end, then the replica
/// until it has replayed up to it; it passes when that took at most the RPO target. An idle source passes at once, however
/// long ago it last wrote (CloudWatch's ReplicaLag would read that long); a replica behind is waited for; one that never
/// gets within the target fails at the limit naming what was last seen.
/// </summary>
public class RpoCatchUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Limit = TimeSpan.FromHours(3);
    private static readonly DatabaseAddress Source = new("source app", "source.example.com");
    private static readonly DatabaseAddress Replica = new("replica app", "replica.example.com");

    private readonly AutoAdvancingTimeProvider _clock = new(Now);

    private Task<string> WaitAsync(IReplicationPosition positions, TimeSpan? target = null, TimeSpan? limit = null) =>
        RpoCatchUp.WaitAsync(positions, Source, Replica, target ?? Target, _clock, Poll, limit ?? Limit, CancellationToken.None);

    [Fact]
    public async Task An_idle_source_passes_at_once_however_long_ago_it_last_wrote()
    {
        // Its last write was a day ago and the replica replays 5 minutes late (RDS's heartbeat interval): nothing is left to replay.
        var idle = new StreamingPair(_clock, BytesPerSecond: 0, Behind: _ => TimeSpan.FromMinutes(5));

        var caughtUp = await WaitAsync(idle);

        Assert.Equal(
            "replica app replayed everything source app had written (WAL up to 0/3000000; replayed to 0/3000000) 0s after it was read: within the RPO target of 30s",
            caughtUp);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task A_replica_less_than_the_target_behind_is_read_every_tenth_of_the_target_until_it_has_replayed_the_wal_end()
    {
        var caughtUp = await WaitAsync(new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => TimeSpan.FromSeconds(10)));

        Assert.Equal(
            "replica app replayed everything source app had written (WAL up to 0/383D600; replayed to 0/383D6C8) 12s after it was read: within the RPO target of 30s",
            caughtUp);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 4), _clock.Waits);
    }

    [Fact]
    public async Task A_replica_exactly_the_target_behind_passes_on_the_read_at_the_target()
    {
        var caughtUp = await WaitAsync(new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => Target));

        Assert.Equal(
            "replica app replayed everything source app had written (WAL up to 0/383D600; replayed to 0/383D600) 30s after it was read: within the RPO target of 30s",
            caughtUp);
    }

    [Fact]
    public async Task A_replica_more_than_the_target_behind_is_waited_for_round_after_round_each_reading_a_fresh_wal_end()
    {
        var pair = new StreamingPair(_clock, BytesPerSecond: 100, Behind: at => at < Now.AddHours(1) ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(5));

        var caughtUp = await WaitAsync(pair);

        // Rounds of 30 s, 15 s apart: the 81st starts at the hour, once the replica is 5 s behind.
        Assert.Equal(
            "replica app replayed everything source app had written (WAL up to 0/3895440; replayed to 0/38954A4) 6s after it was read: within the RPO target of 30s, " +
            "after 1h 0m 6s of catching up", caughtUp);
        Assert.Equal(81, pair.WrittenReads);
        Assert.Equal(80, _clock.Waits.Count(w => w == Poll));
        Assert.Equal(80 * 10 + 2, _clock.Waits.Count(w => w == TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_replica_that_never_gets_within_the_target_fails_at_the_limit_naming_the_last_round()
    {
        var error = await Assert.ThrowsAsync<DrStepException>(() => WaitAsync(new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => TimeSpan.FromMinutes(2))));

        Assert.Equal(
            "replica app replaying within 30s what source app had written did not happen within 3h 0m 0s; " +
            "last seen: source app at 0/39450C0; 30s later replica app had replayed to 0/3942D98 (9000 bytes behind)", error.Message);
        Assert.Equal(Now + Limit + Target, _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_database_not_read_in_the_first_round_fails_at_once_saying_what_the_runner_cannot_read()
    {
        var unreachable = new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => TimeSpan.Zero) { Unreachable = _ => true };

        var error = await Assert.ThrowsAsync<DrStepException>(() => WaitAsync(unreachable));

        Assert.Equal(
            "the catch-up is proven by WAL position, which the runner cannot read: could not read the WAL position of source app at source.example.com: Connection refused",
            error.Message);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task A_database_lost_after_the_first_round_is_looked_past_and_the_limit_names_the_error()
    {
        var lost = new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => TimeSpan.FromMinutes(2)) { Unreachable = at => at >= Now.AddMinutes(10) };

        var error = await Assert.ThrowsAsync<DrStepException>(() => WaitAsync(lost));

        Assert.Equal(
            "replica app replaying within 30s what source app had written did not happen within 3h 0m 0s; " +
            "last seen: could not read the WAL position of source app at source.example.com: Connection refused", error.Message);
    }

    [Fact]
    public async Task A_database_lost_for_a_while_is_looked_past_and_the_catch_up_passes_once_it_answers()
    {
        // Lost from the second round on, for the 10 minutes the replica is 2 minutes behind; then 5 s behind.
        var blip = new StreamingPair(_clock, BytesPerSecond: 100, Behind: at => at < Now.AddMinutes(10) ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(5))
        {
            Unreachable = at => at >= Now.AddMinutes(1) && at < Now.AddMinutes(10),
        };

        var caughtUp = await WaitAsync(blip);

        Assert.EndsWith("6s after it was read: within the RPO target of 30s, after 10m 6s of catching up", caughtUp, StringComparison.Ordinal);
    }

    /// <summary>Within a round the replica is read every tenth of the target, at least 1 s and at most the poll interval apart; the last read falls at the target.</summary>
    [Theory]
    [InlineData(1, 1.0, 1, 0.0)]
    [InlineData(5, 1.0, 5, 0.0)]
    [InlineData(25, 2.5, 10, 0.0)]
    [InlineData(200, 15.0, 13, 5.0)]
    public async Task A_round_reads_the_replica_every_tenth_of_the_target_within_one_second_and_the_poll_interval(
        int targetSeconds, double pauseSeconds, int pauses, double lastPauseSeconds)
    {
        var never = new StreamingPair(_clock, BytesPerSecond: 100, Behind: _ => TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<DrStepException>(() => WaitAsync(never, TimeSpan.FromSeconds(targetSeconds), limit: TimeSpan.Zero));

        IEnumerable<double> expected = [.. Enumerable.Repeat(pauseSeconds, pauses), .. lastPauseSeconds > 0 ? [lastPauseSeconds] : Array.Empty<double>()];
        Assert.Equal(expected.Select(p => TimeSpan.FromSeconds(p)), _clock.Waits);
    }

    /// <summary>
    /// A source that has written <paramref name="BytesPerSecond"/> since a day before the test (0: idle ever since) and a
    /// replica that has replayed, when read, what the source had written <paramref name="Behind"/> before. While
    /// <see cref="Unreachable"/> says so, both refuse reads as the adapter does.
    /// </summary>
    private sealed class StreamingPair(TimeProvider time, ulong BytesPerSecond, Func<DateTimeOffset, TimeSpan> Behind) : IReplicationPosition
    {
        private static readonly DateTimeOffset Since = Now.AddDays(-1);

        public Func<DateTimeOffset, bool> Unreachable { get; init; } = _ => false;

        public int WrittenReads { get; private set; }

        public Task<WalPosition> ReadWrittenAsync(DatabaseAddress source, CancellationToken cancellationToken)
        {
            Answer("the WAL position of", source);
            WrittenReads++;
            return Task.FromResult(WrittenAt(time.GetUtcNow()));
        }

        public Task<WalPosition?> ReadReplayedAsync(DatabaseAddress replica, CancellationToken cancellationToken)
        {
            Answer("the replay position of", replica);
            var now = time.GetUtcNow();
            return Task.FromResult<WalPosition?>(WrittenAt(now - Behind(now)));
        }

        private WalPosition WrittenAt(DateTimeOffset at) => new(0x3000000 + BytesPerSecond * (ulong)(at - Since).TotalSeconds);

        private void Answer(string what, DatabaseAddress database)
        {
            if (Unreachable(time.GetUtcNow())) throw new ReplicationPositionException($"could not read {what} {database}: Connection refused");
        }
    }
}
