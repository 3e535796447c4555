using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>
/// An HTTP server on 127.0.0.1 that reads one request and never answers, as an API that hangs does; it tells whether
/// the client then gave the request up (closed the connection) or keeps it in flight.
/// </summary>
internal sealed class SilentHttpServer : IDisposable
{
    /// <summary>Only against a test that would otherwise hang on a client that never lets go; no assertion is timed by it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _connection;

    public SilentHttpServer() => _listener.Start();

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Accepts the client's connection and reads its request (headers and body) to the end.</summary>
    public async Task<string> ReadRequestAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        _connection = await _listener.AcceptTcpClientAsync(guard.Token);
        var stream = _connection.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!Complete(received.ToString()))
        {
            var read = await stream.ReadAsync(buffer, guard.Token);
            if (read == 0) break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    /// <summary>True once the client closes (or resets) the connection without an answer; false if it still holds it when the guard ends.</summary>
    public async Task<bool> ClosedByClientAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            return await _connection!.GetStream().ReadAsync(new byte[1], guard.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _listener.Stop();
    }

    private static bool Complete(string request)
    {
        var headersEnd = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headersEnd < 0) return false;
        var length = request[..headersEnd].Split("\r\n")
            .Select(h => h.Split(':', 2))
            .FirstOrDefault(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) is { } header
            ? int.Parse(header[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return Encoding.UTF8.GetByteCount(request[(headersEnd + 4)..]) >= length;
    }
}
