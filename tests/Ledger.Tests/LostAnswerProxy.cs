using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Infra.Ledger.Tests;

/// <summary>
/// A loopback proxy in front of the DynamoDB-compatible server that loses the answer to the first call of one
/// operation: the call reaches the server and is applied, but the client gets DynamoDB's 500 InternalServerError, so
/// the SDK retries it, as it does when a real answer is lost after the write landed. Every other call passes through.
/// </summary>
internal sealed class LostAnswerProxy : IAsyncDisposable
{
    private const string LostAnswer = """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""";
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _upstream = new();
    private readonly string _server;
    private readonly string _operation;
    private readonly Task _serving;
    private int _lost;

    /// <param name="operation">The DynamoDB operation whose first answer is lost, e.g. PutItem.</param>
    public LostAnswerProxy(string server, string operation)
    {
        _server = server;
        _operation = operation;
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many calls of the operation reached the server: the SDK's retry shows here.</summary>
    public int Calls { get; private set; }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = connection.GetStream();
                if (await LoopbackRequest.ReadAsync(stream, _stop.Token) is not { } request) continue;
                var (status, body) = await ForwardAsync(request);
                var isOperation = request.Headers.TryGetValue("X-Amz-Target", out var target) && target.EndsWith("." + _operation, StringComparison.Ordinal);
                if (isOperation) Calls++;
                if (isOperation && Interlocked.Exchange(ref _lost, 1) == 0) (status, body) = (500, LostAnswer);
                var response = $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: proxy\r\n" +
                    $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(int Status, string Body)> ForwardAsync(LoopbackRequest request)
    {
        using var forwarded = new HttpRequestMessage(HttpMethod.Post, _server) { Content = new ByteArrayContent(request.Body) };
        forwarded.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        foreach (var name in ForwardedHeaders)
            if (request.Headers.TryGetValue(name, out var value)) forwarded.Headers.TryAddWithoutValidation(name, value);
        using var answer = await _upstream.SendAsync(forwarded, _stop.Token);
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _upstream.Dispose();
        _stop.Dispose();
    }
}
