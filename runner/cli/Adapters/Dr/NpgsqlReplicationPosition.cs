using Amazon.SecretsManager;
using Infra.Runner.Dr;
using Npgsql;
using Pulumi.Automation;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// The databases' WAL positions over Npgsql, with the stack's database secret (never in a message): the source's
/// <c>pg_current_wal_lsn()</c> and the replica's <c>pg_last_wal_replay_lsn()</c>, each asked together with
/// <c>pg_is_in_recovery()</c>, so a database in the wrong role is named as such rather than read. Every call is bounded
/// (<see cref="NpgsqlCalls"/>); a failure says what to check. The databases live in private subnets of both regions,
/// so the runner must reach each on its port (README, Disaster recovery, Fail-back).
/// </summary>
/// <param name="tls">See <see cref="NpgsqlCalls.RunAsync{T}"/>.</param>
public sealed class NpgsqlReplicationPosition(Func<CancellationToken, Task<DatabaseCredentials>> credentials, SslMode tls) : IReplicationPosition
{
    /// <summary>
    /// For <c>failback</c>: the credentials from the secret the stack's outputs name (<c>database.secretArn</c>), read
    /// with Secrets Manager in <paramref name="region"/> (the primary's, which a fail-back needs up) when first needed;
    /// TLS <see cref="SslMode.VerifyFull"/> against RDS's CA bundle (<c>PGSSLROOTCERT</c>).
    /// </summary>
    public static NpgsqlReplicationPosition ForStack(WorkspaceStack stack, AmazonSecretsManagerClient secretsManager, string region) => new(
        DatabaseSecret.ReadOnce(
            async t => PulumiDrillStack.DatabaseSecretArn(await stack.ReadOutputsAsync(t)),
            new SecretsManagerValueReader(secretsManager, region), "failback", m => new ReplicationPositionException(m)),
        SslMode.VerifyFull);

    public Task<WalPosition> ReadWrittenAsync(DatabaseAddress source, CancellationToken cancellationToken) =>
        RunAsync(source, "read the WAL position of", async (connection, where) =>
        {
            // pg_current_wal_lsn() fails on a server in recovery; asked only when it is not.
            var (inRecovery, position) = await ReadAsync(connection, "pg_current_wal_lsn", cancellationToken);
            return inRecovery
                ? throw new ReplicationPositionException($"{where} is in recovery (a replica), so it is not the database that takes writes")
                : WalPosition.Parse(position!);
        }, cancellationToken);

    public Task<WalPosition?> ReadReplayedAsync(DatabaseAddress replica, CancellationToken cancellationToken) =>
        RunAsync<WalPosition?>(replica, "read the replay position of", async (connection, where) =>
        {
            var (inRecovery, position) = await ReadAsync(connection, "pg_last_wal_replay_lsn", cancellationToken);
            return inRecovery
                ? position is null ? null : WalPosition.Parse(position)
                : throw new ReplicationPositionException($"{where} is not in recovery: it is no replica (standalone or promoted), so it replays nothing");
        }, cancellationToken);

    /// <summary><c>pg_is_in_recovery()</c>, and the position function's value as text when the role allows asking it (null otherwise).</summary>
    private static async Task<(bool InRecovery, string? Position)> ReadAsync(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        var whenAsked = function == "pg_current_wal_lsn" ? "NOT pg_is_in_recovery()" : "pg_is_in_recovery()";
        await using var select = new NpgsqlCommand($"SELECT pg_is_in_recovery(), CASE WHEN {whenAsked} THEN {function}()::text END", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1));
    }

    private async Task<T> RunAsync<T>(DatabaseAddress database, string action, Func<NpgsqlConnection, string, Task<T>> work, CancellationToken cancellationToken) =>
        await NpgsqlCalls.RunAsync(await credentials(cancellationToken), database.Name, database.Host, database.Port, tls, "infra-runner failback", action, work,
            (message, error) => new ReplicationPositionException($"{message}; {WhatToCheck(error)}", error), cancellationToken);

    /// <summary>The server's refusal points at the credentials; anything else at the path to it.</summary>
    private static string WhatToCheck(Exception error) => error is PostgresException
        ? "check the stack's database secret (database.secretArn) against the database's master user"
        : "check that the runner reaches it: the database's security group allows the runner on its port, the runner's network routes to that region's VPC, " +
          "and PGSSLROOTCERT names RDS's CA bundle (README, Disaster recovery, Fail-back)";
}
