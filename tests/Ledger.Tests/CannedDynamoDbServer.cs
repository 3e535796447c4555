using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Infra.Ledger.Tests;

/// <summary>
/// A loopback HTTP server that answers every request with one fixed DynamoDB JSON error, for the failures dynalite
/// cannot produce (throttling). It reads each request fully, as a real server would, before answering.
/// </summary>
internal sealed class CannedDynamoDbServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly string _response;
    private int _requests;

    public CannedDynamoDbServer(int status, string reason, string errorType, string message)
    {
        var body = $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{errorType}}","message":"{{message}}"}""";
        _response = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/x-amz-json-1.0\r\n" +
            $"x-amzn-RequestId: canned\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many requests were answered: the SDK's own retries show here.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = connection.GetStream();
                await ReadRequestAsync(stream);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(_response), _stop.Token);
                Interlocked.Increment(ref _requests);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) return;
            received.AddRange(buffer.AsSpan(0, read));
        }
        var headers = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var length = headers.Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = received.Count - (headerEnd + 4);
        while (body < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) return;
            body += read;
        }
    }

    private static int IndexOfHeaderEnd(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
