using System.Net;
using System.Text;
using TestSupport;

namespace Infra.Ledger.Tests;

/// <summary>
/// A loopback HTTP server that answers every request with one fixed DynamoDB JSON error, for the failures dynalite
/// cannot produce (throttling). It reads each request fully, as a real server would, before answering.
/// </summary>
internal sealed class CannedDynamoDbServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly int _status;
    private readonly byte[] _body;
    private int _requests;

    public CannedDynamoDbServer(int status, string errorType, string message)
    {
        _status = status;
        _body = Encoding.UTF8.GetBytes($$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{errorType}}","message":"{{message}}"}""");
        (_listener, var port) = LoopbackHttpListener.Start();
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(_listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>How many requests were answered: the SDK's own retries show here.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        await context.Request.InputStream.CopyToAsync(Stream.Null);
        await DynamoDbAnswer.WriteAsync(context, _status, _body, "canned");
        Interlocked.Increment(ref _requests);
    }

    public ValueTask DisposeAsync()
    {
        LoopbackHttpListener.Stop(_listener, _serving);
        return ValueTask.CompletedTask;
    }
}
