using System.Collections.Concurrent;
using System.Net.Sockets;
using Infra.Runner.Drill;
using Npgsql;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's marker rows in PostgreSQL through Npgsql: table <c>infra_drill_markers</c> (drill id, sequence,
/// written at), created by this store's first successful write to a database and not asked for again. Credentials come from <paramref name="credentials"/> (the
/// stack's database secret, read once) and never appear in a message. Connecting and each command are bounded by
/// <see cref="Timeout"/>, so a refused or silent database fails the call within seconds instead of hanging a drill.
/// </summary>
/// <param name="tls">
/// <see cref="SslMode.VerifyFull"/> against RDS (its instances force TLS; the CA is RDS's bundle, named by
/// <c>PGSSLROOTCERT</c>, which Npgsql reads); the tests' local server speaks plain TCP on loopback.
/// </param>
public sealed class NpgsqlMarkerStore(Func<CancellationToken, Task<DatabaseCredentials>> credentials, SslMode tls) : IMarkerStore
{
    /// <summary>Per connection attempt and per command.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public const string Table = "infra_drill_markers";

    /// <summary>The databases (as messages name them: name, host and port) this store has made the table in.</summary>
    private readonly ConcurrentDictionary<string, bool> created = new(StringComparer.Ordinal);

    public async Task WriteAsync(MarkerDatabase database, DrillMarker marker, CancellationToken cancellationToken)
    {
        await RunAsync(database, "write a marker to", async (connection, where) =>
        {
            if (!created.ContainsKey(where))
            {
                await using var create = new NpgsqlCommand(
                    $"CREATE TABLE IF NOT EXISTS {Table} (drill_id text NOT NULL, sequence bigint NOT NULL, written_at timestamptz NOT NULL, PRIMARY KEY (drill_id, sequence))",
                    connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                created[where] = true;
            }

            await using var insert = new NpgsqlCommand($"INSERT INTO {Table} (drill_id, sequence, written_at) VALUES ($1, $2, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = marker.DrillId });
            insert.Parameters.Add(new NpgsqlParameter { Value = marker.Sequence });
            insert.Parameters.Add(new NpgsqlParameter { Value = marker.WrittenAt.ToUniversalTime() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<DrillMarker?> ReadNewestAsync(MarkerDatabase database, string drillId, CancellationToken cancellationToken) =>
        RunAsync(database, "read the newest marker from", async (connection, _) =>
        {
            await using var select = new NpgsqlCommand(
                $"SELECT sequence, written_at FROM {Table} WHERE drill_id = $1 ORDER BY sequence DESC LIMIT 1", connection);
            select.Parameters.Add(new NpgsqlParameter { Value = drillId });
            try
            {
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new DrillMarker(drillId, reader.GetInt64(0), new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero))
                    : null;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // A copy taken before the first marker has no table: no marker survived.
                return (DrillMarker?)null;
            }
        }, cancellationToken);

    private async Task<T> RunAsync<T>(MarkerDatabase database, string action, Func<NpgsqlConnection, string, Task<T>> work, CancellationToken cancellationToken)
    {
        var login = await credentials(cancellationToken);
        var port = database.Port ?? login.Port;
        var where = $"{database.Name} at {database.Host}:{port}";
        var seconds = (int)Timeout.TotalSeconds;
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = database.Host,
            Port = port,
            Username = login.Username,
            Password = login.Password,
            Database = login.Database,
            SslMode = tls,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = seconds * 1000,
            ApplicationName = "infra-runner drill",
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return await work(connection, where);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PostgresException error)
        {
            // The server's own words (e.g. password authentication failed for user "app_admin"): no secret in them.
            throw new MarkerStoreException($"could not {action} {where}: {error.SqlState} {error.MessageText}", error);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or SocketException or IOException or OperationCanceledException)
        {
            throw new MarkerStoreException($"could not {action} {where} within {seconds}s: {Reason(error)}", error);
        }
    }

    /// <summary>The innermost socket or timeout reason, e.g. <c>Connection refused</c>.</summary>
    private static string Reason(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket) return socket.Message;
            if (inner is TimeoutException) return "no answer (timed out)";
        }

        return error.Message;
    }
}
