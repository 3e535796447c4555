using System.Text.RegularExpressions;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Npgsql;
using Runner.Tests.Rollout.Support;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>A real PostgreSQL primary and a streaming standby of it (tools/postgres/start.sh, then standby.sh), on 127.0.0.1.</summary>
public sealed class StreamingReplicationFixture : IAsyncLifetime
{
    public PostgresServer Primary { get; private set; } = null!;

    public PostgresServer Standby { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Primary = await PostgresServer.StartAsync();
        await ExecuteAsync(Primary, "postgres", "CREATE DATABASE app");
        await ExecuteAsync(Primary, "app", "CREATE TABLE orders (id bigint)");
        Standby = await Primary.StartStandbyAsync();
    }

    public async Task DisposeAsync()
    {
        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }

    public static async Task ExecuteAsync(PostgresServer server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = server.Port, Username = PostgresServer.Username, Password = server.Password, Database = database,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The Npgsql adapter fail-back proves its catch-ups with, against a real primary and streaming standby: an idle
/// primary passes the RPO catch-up in its first round; the standby's replay position reaches the primary's WAL end after
/// a write; paused replay makes the wait fail at its limit; a refused connection, a database in the wrong role and wrong credentials are clear errors saying what to check.
/// </summary>
public sealed class NpgsqlReplicationPositionTests(StreamingReplicationFixture servers) : IClassFixture<StreamingReplicationFixture>
{
    private const string Reach = "check that the runner reaches it: the database's security group allows the runner on its port, " +
        "the runner's network routes to that region's VPC, and PGSSLROOTCERT names RDS's CA bundle (README, Disaster recovery, Fail-back)";

    private NpgsqlReplicationPosition Positions(string? password = null) => new(
        _ => Task.FromResult(new DatabaseCredentials(PostgresServer.Username, password ?? servers.Primary.Password, "app", DatabaseCredentials.DefaultPort)),
        SslMode.Disable);

    private DatabaseAddress Primary => new("primary app", "127.0.0.1", servers.Primary.Port);

    private DatabaseAddress Standby => new("standby app", "127.0.0.1", servers.Standby.Port);

    [Fact]
    public async Task The_standby_replays_up_to_the_primarys_wal_end_after_a_write()
    {
        var positions = Positions();
        var before = await positions.ReadWrittenAsync(Primary, CancellationToken.None);
        await StreamingReplicationFixture.ExecuteAsync(servers.Primary, "app", "INSERT INTO orders SELECT generate_series(1, 1000)");

        var written = await positions.ReadWrittenAsync(Primary, CancellationToken.None);
        // Real time, since the standby replays in real time; the wait ends as soon as the position is reached.
        var caughtUp = await ReplayCatchUp.WaitAsync(positions, Primary, Standby, TimeProvider.System, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.True(written > before, $"{written} after the write, {before} before");
        Assert.True(await positions.ReadReplayedAsync(Standby, CancellationToken.None) >= written);
        Assert.Matches($"^standby app replayed WAL up to {Lsn}, at or past {Lsn} where primary app's WAL ended once the writes stopped$", caughtUp);
    }

    [Fact]
    public async Task An_idle_primary_passes_the_rpo_catch_up_in_its_first_round()
    {
        var positions = Positions();
        // Whatever the other tests wrote is replayed first: from here on nothing writes to the primary.
        await ReplayCatchUp.WaitAsync(positions, Primary, Standby, TimeProvider.System, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(2), CancellationToken.None);

        // Real time, since the standby replays in real time; the target is wide so a busy machine still passes in one round.
        var caughtUp = await RpoCatchUp.WaitAsync(positions, Primary, Standby, TimeSpan.FromMinutes(1), TimeProvider.System, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(2),
            CancellationToken.None);

        var seen = Regex.Match(caughtUp,
            $"^standby app replayed everything primary app had written \\(WAL up to (?<written>{Lsn}); replayed to (?<replayed>{Lsn})\\) \\d+s after it was read: " +
            "within the RPO target of 1m 0s$");
        Assert.True(seen.Success, caughtUp);
        Assert.True(WalPosition.Parse(seen.Groups["replayed"].Value) >= WalPosition.Parse(seen.Groups["written"].Value), caughtUp);
    }

    [Fact]
    public async Task Paused_replay_makes_the_wait_fail_at_its_limit_naming_both_positions()
    {
        var positions = Positions();
        await StreamingReplicationFixture.ExecuteAsync(servers.Standby, "app", "SELECT pg_wal_replay_pause()");
        try
        {
            await StreamingReplicationFixture.ExecuteAsync(servers.Primary, "app", "INSERT INTO orders SELECT generate_series(1, 1000)");
            var clock = new AutoAdvancingTimeProvider(DateTimeOffset.UnixEpoch);

            var error = await Assert.ThrowsAsync<DrStepException>(() =>
                ReplayCatchUp.WaitAsync(positions, Primary, Standby, clock, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), CancellationToken.None));

            var seen = Regex.Match(error.Message,
                $"^standby app replaying the WAL of primary app up to its end once the writes stopped did not happen within 1m 0s; " +
                $"last seen: primary app at (?<target>{Lsn}), standby app replayed to (?<replayed>{Lsn}) \\((?<behind>\\d+) bytes behind\\)$");
            Assert.True(seen.Success, error.Message);
            var (target, replayed) = (WalPosition.Parse(seen.Groups["target"].Value), WalPosition.Parse(seen.Groups["replayed"].Value));
            Assert.Equal((target.Offset - replayed.Offset).ToString(System.Globalization.CultureInfo.InvariantCulture), seen.Groups["behind"].Value);
            Assert.Equal(replayed, await positions.ReadReplayedAsync(Standby, CancellationToken.None));
            Assert.Equal(4, clock.Waits.Count);
        }
        finally
        {
            await StreamingReplicationFixture.ExecuteAsync(servers.Standby, "app", "SELECT pg_wal_replay_resume()");
        }
    }

    [Fact]
    public async Task A_refused_connection_is_a_clear_error_saying_what_to_check_never_a_hang()
    {
        using var closed = new ClosedLoopbackPort();
        var port = closed.Url("/").Port;
        var gone = new DatabaseAddress("standby app", "127.0.0.1", port);

        var error = await Assert.ThrowsAsync<ReplicationPositionException>(() => Positions().ReadReplayedAsync(gone, CancellationToken.None));

        Assert.Equal($"could not read the replay position of standby app at 127.0.0.1:{port} within 5s: Connection refused; {Reach}", error.Message);
    }

    [Fact]
    public async Task A_database_in_the_wrong_role_is_named_as_such()
    {
        var onStandby = await Assert.ThrowsAsync<ReplicationPositionException>(() => Positions().ReadWrittenAsync(Standby, CancellationToken.None));
        var onPrimary = await Assert.ThrowsAsync<ReplicationPositionException>(() => Positions().ReadReplayedAsync(Primary, CancellationToken.None));

        Assert.Equal($"standby app at 127.0.0.1:{servers.Standby.Port} is in recovery (a replica), so it is not the database that takes writes", onStandby.Message);
        Assert.Equal($"primary app at 127.0.0.1:{servers.Primary.Port} is not in recovery: it is no replica (standalone or promoted), so it replays nothing", onPrimary.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_the_servers_own_refusal_pointing_at_the_secret_without_the_password()
    {
        var error = await Assert.ThrowsAsync<ReplicationPositionException>(() => Positions("not-the-password").ReadWrittenAsync(Primary, CancellationToken.None));

        Assert.Equal(
            $"could not read the WAL position of primary app at 127.0.0.1:{servers.Primary.Port}: 28P01 password authentication failed for user \"infra\"; " +
            "check the stack's database secret (database.secretArn) against the database's master user", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
    }

    [Theory]
    [InlineData("0/3000148", 0x3000148UL)]
    [InlineData("16/B374D848", 0x16B374D848UL)]
    public void A_wal_position_reads_and_prints_as_postgresql_writes_it(string text, ulong offset)
    {
        Assert.Equal(offset, WalPosition.Parse(text).Offset);
        Assert.Equal(text, WalPosition.Parse(text).ToString());
    }

    [Fact]
    public void Text_that_is_not_a_wal_position_is_refused_naming_it()
    {
        Assert.Equal("'16-B374' is not a PostgreSQL WAL position (pg_lsn, e.g. 16/B374D848)", Assert.Throws<FormatException>(() => WalPosition.Parse("16-B374")).Message);
    }

    private const string Lsn = "[0-9A-F]+/[0-9A-F]+";
}
