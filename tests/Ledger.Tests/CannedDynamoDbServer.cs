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
                await LoopbackRequest.ReadAsync(stream, _stop.Token);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(_response), _stop.Token);
                Interlocked.Increment(ref _requests);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
