using System.Collections.Concurrent;
using Infra.Runner.Drill;
using Npgsql;

namespace Infra.Runner.Adapters;

/// <summary>
/// The drill's marker rows in PostgreSQL through Npgsql: table <c>infra_drill_markers</c> (drill id, sequence,
/// written at), created by this store's first successful write to a database and not asked for again. Credentials come from <paramref name="credentials"/> (the
/// stack's database secret, read once) and never appear in a message; each call is bounded (<see cref="NpgsqlCalls"/>),
/// so a refused or silent database fails it within seconds instead of hanging a drill.
/// </summary>
/// <param name="tls">See <see cref="NpgsqlCalls.RunAsync{T}"/>.</param>
public sealed class NpgsqlMarkerStore(Func<CancellationToken, Task<DatabaseCredentials>> credentials, SslMode tls) : IMarkerStore
{
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

    private async Task<T> RunAsync<T>(MarkerDatabase database, string action, Func<NpgsqlConnection, string, Task<T>> work, CancellationToken cancellationToken) =>
        await NpgsqlCalls.RunAsync(await credentials(cancellationToken), database.Name, database.Host, database.Port, tls, "infra-runner drill", action, work,
            (message, error) => new MarkerStoreException(message, error), cancellationToken);
}
