using Infra.Runner.Adapters;
using Infra.Runner.Drill;
using Npgsql;
using Runner.Tests.Rollout.Support;
using TestSupport;

namespace Runner.Tests.Drill;

/// <summary>One real PostgreSQL server (tools/postgres) for the marker tests, with a primary and a copy database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        foreach (var database in new[] { "app", "app_copy" })
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Server.Port, Username = PostgresServer.Username, Password = Server.Password, Database = database,
    }.ConnectionString;
}

/// <summary>
/// The Npgsql marker adapter against a real PostgreSQL server on 127.0.0.1, started by the project's own script: markers
/// written and the newest read back; the RPO from two databases, a primary and a copy that stops receiving writes at a
/// known time; a refused connection and wrong credentials as clear errors that name the database and never the password.
/// </summary>
public sealed class NpgsqlMarkerStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static int drills;

    // Loopback only: the tests' server speaks plain TCP; against RDS the CLI asks for VerifyFull.
    private NpgsqlMarkerStore Store(string? password = null) => new(
        _ => Task.FromResult(new DatabaseCredentials(PostgresServer.Username, password ?? postgres.Server.Password, "app", postgres.Server.Port)),
        SslMode.Disable);

    private static MarkerDatabase Primary => new("primary app", "127.0.0.1");

    private static string NewDrill() => $"d20260301-0600{Interlocked.Increment(ref drills):00}";

    [Fact]
    public async Task Markers_are_written_and_the_newest_is_read_back_with_its_time()
    {
        var store = Store();
        var drill = NewDrill();
        var start = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

        Assert.Null(await store.ReadNewestAsync(Primary, drill, CancellationToken.None));
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await store.WriteAsync(Primary, new DrillMarker(drill, sequence, start.AddSeconds(sequence).AddMilliseconds(250)), CancellationToken.None);
        }

        // Another drill's markers never count.
        await store.WriteAsync(Primary, new DrillMarker(NewDrill(), 9, start.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(new DrillMarker(drill, 3, start.AddSeconds(3).AddMilliseconds(250)), await store.ReadNewestAsync(Primary, drill, CancellationToken.None));
    }

    [Fact]
    public async Task The_rpo_is_the_time_between_the_last_marker_on_the_primary_and_the_newest_on_a_copy_that_stopped_receiving_writes()
    {
        var store = Store();
        var copyStore = new NpgsqlMarkerStore(
            _ => Task.FromResult(new DatabaseCredentials(PostgresServer.Username, postgres.Server.Password, "app_copy", postgres.Server.Port)), SslMode.Disable);
        var copy = new MarkerDatabase("copy app_copy", "127.0.0.1");
        var drill = NewDrill();
        // Each wait of the writer moves this clock to its due time, so marker #n is stamped 06:00:00 + (n - 1) s.
        var time = new AutoAdvancingTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        // The copy follows the primary until 06:00:04 (it takes markers #1 to #5), then receives nothing more.
        var stopsAt = time.GetUtcNow().AddSeconds(4);
        // The drill stops the writer at the promote call; here, while the primary takes marker #10.
        var stopped = new TaskCompletionSource<Task<MarkerRun>>();
        MarkerStream? stream = null;
        var replicating = new ReplicatingStore(store, copyStore, copy, marker => marker.WrittenAt <= stopsAt,
            marker =>
            {
                if (marker.Sequence == 10) stopped.SetResult(stream!.StopAsync());
            });
        stream = new MarkerWriter(replicating, time).Start(Primary, drill, CancellationToken.None);
        var written = await await stopped.Task;
        var rpo = RecoveryPoint.Measure(written, await copyStore.ReadNewestAsync(copy, drill, CancellationToken.None), copy.Name);

        Assert.Equal((10, 0), (written.Count, written.Failed));
        Assert.Equal(new DrillMarker(drill, 10, stopsAt.AddSeconds(5)), await store.ReadNewestAsync(Primary, drill, CancellationToken.None));
        Assert.Equal(5, rpo.NewestFound!.Sequence);
        Assert.Equal(TimeSpan.FromSeconds(5), rpo.Lost);
    }

    [Fact]
    public async Task A_store_makes_the_marker_table_once_and_does_not_ask_again_on_later_writes()
    {
        var store = Store();
        var drill = NewDrill();
        await store.WriteAsync(Primary, new DrillMarker(drill, 1, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = postgres.Server.Port, Username = PostgresServer.Username, Password = postgres.Server.Password, Database = "app",
        }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP TABLE {NpgsqlMarkerStore.Table}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        // The same store inserts straight away, so the dropped table is missing; a new store makes it again.
        var error = await Assert.ThrowsAsync<MarkerStoreException>(() =>
            store.WriteAsync(Primary, new DrillMarker(drill, 2, DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.Equal($"could not write a marker to primary app at 127.0.0.1:{postgres.Server.Port}: 42P01 relation \"{NpgsqlMarkerStore.Table}\" does not exist", error.Message);
        await Store().WriteAsync(Primary, new DrillMarker(drill, 3, DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.Equal(3, (await store.ReadNewestAsync(Primary, drill, CancellationToken.None))!.Sequence);
    }

    [Fact]
    public async Task A_copy_without_the_marker_table_holds_no_marker()
    {
        var store = new NpgsqlMarkerStore(
            _ => Task.FromResult(new DatabaseCredentials(PostgresServer.Username, postgres.Server.Password, "postgres", postgres.Server.Port)), SslMode.Disable);

        Assert.Null(await store.ReadNewestAsync(new MarkerDatabase("empty postgres", "127.0.0.1"), NewDrill(), CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_connection_is_a_clear_error_naming_the_database_never_a_hang()
    {
        using var closed = new ClosedLoopbackPort();
        var port = closed.Url("/").Port;

        var error = await Assert.ThrowsAsync<MarkerStoreException>(() =>
            Store().WriteAsync(new MarkerDatabase("primary app", "127.0.0.1", port), new DrillMarker(NewDrill(), 1, DateTimeOffset.UnixEpoch), CancellationToken.None));

        Assert.Equal($"could not write a marker to primary app at 127.0.0.1:{port} within 5s: Connection refused", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_the_servers_own_refusal_without_the_password()
    {
        var error = await Assert.ThrowsAsync<MarkerStoreException>(() =>
            Store("not-the-password").ReadNewestAsync(Primary, NewDrill(), CancellationToken.None));

        Assert.Equal($"could not read the newest marker from primary app at 127.0.0.1:{postgres.Server.Port}: 28P01 password authentication failed for user \"infra\"", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
    }

    [Fact]
    public void The_credentials_come_from_the_rds_shaped_secret_and_never_print_the_password()
    {
        var credentials = DatabaseCredentials.Parse("arn:secret", """{"dbname":"app","engine":"postgres","host":"h","password":"s3cret","port":5432,"username":"app_admin"}""");

        Assert.Equal(("app_admin", "s3cret", "app", 5432), (credentials.Username, credentials.Password, credentials.Database, credentials.Port));
        Assert.Equal("app_admin@app (port 5432)", credentials.ToString());
        var error = Assert.Throws<SecretReadException>(() => DatabaseCredentials.Parse("arn:secret", """{"username":"app_admin","password":"s3cret"}"""));
        Assert.Equal("the secret arn:secret has no dbname; it must hold the database's credentials JSON (username, password, dbname, port)", error.Message);
        Assert.Equal("the secret arn:secret is not the database's credentials JSON (username, password, dbname, port)",
            Assert.Throws<SecretReadException>(() => DatabaseCredentials.Parse("arn:secret", "s3cret")).Message);
    }

    /// <summary>
    /// Writes to the primary and, while <c>follows</c> says so, the same marker to the copy: replication that stops.
    /// <c>written</c> sees each marker before the write returns, as a drill's promote call can come during one.
    /// </summary>
    private sealed class ReplicatingStore(
        IMarkerStore primary, IMarkerStore copyStore, MarkerDatabase copy, Func<DrillMarker, bool> follows, Action<DrillMarker> written) : IMarkerStore
    {
        public async Task WriteAsync(MarkerDatabase database, DrillMarker marker, CancellationToken cancellationToken)
        {
            await primary.WriteAsync(database, marker, cancellationToken);
            if (follows(marker)) await copyStore.WriteAsync(copy, marker, cancellationToken);
            written(marker);
        }

        public Task<DrillMarker?> ReadNewestAsync(MarkerDatabase database, string drillId, CancellationToken cancellationToken) =>
            primary.ReadNewestAsync(database, drillId, cancellationToken);
    }
}
