using System.Net.Sockets;
using Npgsql;

namespace Infra.Runner.Adapters;

/// <summary>
/// One call to one of the stack's databases over a new Npgsql connection, with the master credentials: connecting and
/// each command are bounded by <see cref="Timeout"/>, so a refused or silent database fails the call within seconds
/// instead of hanging; a failure becomes the caller's exception with a message that names the database and the reason,
/// never the password.
/// </summary>
public static class NpgsqlCalls
{
    /// <summary>Per connection attempt and per command.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <param name="tls">
    /// <see cref="SslMode.VerifyFull"/> against RDS (its instances force TLS; the CA is RDS's bundle, named by
    /// <c>PGSSLROOTCERT</c>, which Npgsql reads); the tests' local servers speak plain TCP on loopback.
    /// </param>
    /// <param name="work">The commands, given the connection and how messages name the database (name, host and port).</param>
    /// <param name="failure">The caller's exception from the message (<c>could not ACTION NAME at HOST:PORT…</c>) and its cause.</param>
    public static async Task<T> RunAsync<T>(
        DatabaseCredentials login, string name, string host, int? port, SslMode tls, string application, string action,
        Func<NpgsqlConnection, string, Task<T>> work, Func<string, Exception, Exception> failure, CancellationToken cancellationToken)
    {
        var where = $"{name} at {host}:{port ?? login.Port}";
        var seconds = (int)Timeout.TotalSeconds;
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port ?? login.Port,
            Username = login.Username,
            Password = login.Password,
            Database = login.Database,
            SslMode = tls,
            Timeout = seconds,
            CommandTimeout = seconds,
            CancellationTimeout = seconds * 1000,
            ApplicationName = application,
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
            throw failure($"could not {action} {where}: {error.SqlState} {error.MessageText}", error);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or SocketException or IOException or OperationCanceledException)
        {
            throw failure($"could not {action} {where} within {seconds}s: {Reason(error)}", error);
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
