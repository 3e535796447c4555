using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace TestSupport;

/// <summary>
/// A real PostgreSQL server for adapter tests, started by the project's own script tools/postgres/start.sh (Debian's
/// package, installed when missing) in a private folder on a private 127.0.0.1 port, and stopped by
/// tools/postgres/stop.sh, which also deletes the folder, when disposed. The superuser's password is random per server
/// (a standby keeps its primary's).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Username = "infra";

    private readonly string _folder;

    private PostgresServer(string folder, int port, string password)
    {
        _folder = folder;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public static Task<PostgresServer> StartAsync() => StartAsync(
        Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), (folder, port) => RunScriptAsync("start.sh", folder, port, Username));

    /// <summary>
    /// A streaming standby of this server (tools/postgres/standby.sh: pg_basebackup -R), on its own folder and port,
    /// with the same superuser and password; read-only, it replays what this server writes.
    /// </summary>
    public Task<PostgresServer> StartStandbyAsync() => StartAsync(
        Password, (folder, port) => RunScriptAsync("standby.sh", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder, port, Username));

    private static async Task<PostgresServer> StartAsync(string password, Func<string, string, Task> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("postgres-").FullName;
            await File.WriteAllTextAsync(Path.Combine(folder, "password"), password + "\n");
            var port = FreeLoopbackPort();
            try
            {
                await start(folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return new PostgresServer(folder, port, password);
            }
            catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains(PortTaken, StringComparison.Ordinal))
            {
                // Another process (another checkout's tests, say) bound the port first: a fresh folder and port.
                await RunScriptAsync("stop.sh", folder);
            }
        }
    }

    public ValueTask DisposeAsync() => new(RunScriptAsync("stop.sh", _folder));

    /// <summary>What the server logs when it cannot bind its port.</summary>
    private const string PortTaken = "Address already in use";

    // A port the OS just handed out and released; the server binds it a moment later. Another process taking it in
    // between fails that start, which StartAsync retries on another port.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoRoot.Path, "tools", "postgres", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start tools/postgres/{script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tools/postgres/{script} exited {process.ExitCode}: {await error}{await output}");
    }
}
