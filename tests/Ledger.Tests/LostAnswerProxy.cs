using System.Net;
using System.Text;
using TestSupport;

namespace Infra.Ledger.Tests;

/// <summary>
/// A loopback proxy in front of the DynamoDB-compatible server that loses the answer to the first call of one
/// operation: the call reaches the server and is applied, but the client gets DynamoDB's 500 InternalServerError, so
/// the SDK retries it, as it does when a real answer is lost after the write landed. Every other call passes through.
/// </summary>
internal sealed class LostAnswerProxy : IAsyncDisposable
{
    private static readonly byte[] LostAnswer =
        Encoding.UTF8.GetBytes("""{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""");
    private static readonly string[] ForwardedHeaders = ["X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly HttpClient _upstream = new();
    private readonly string _server;
    private readonly string _operation;
    private int _calls;

    /// <param name="operation">The DynamoDB operation whose first answer is lost, e.g. PutItem.</param>
    public LostAnswerProxy(string server, string operation)
    {
        _server = server;
        _operation = operation;
        (_listener, var port) = LoopbackHttpListener.Start();
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(_listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>How many calls of the operation reached the server: the SDK's retry shows here.</summary>
    public int Calls => Volatile.Read(ref _calls);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        using var forwarded = new HttpRequestMessage(HttpMethod.Post, _server) { Content = new ByteArrayContent(body.ToArray()) };
        forwarded.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        foreach (var name in ForwardedHeaders)
            if (context.Request.Headers[name] is { } value) forwarded.Headers.TryAddWithoutValidation(name, value);
        using var answer = await _upstream.SendAsync(forwarded);
        var (status, answered) = ((int)answer.StatusCode, await answer.Content.ReadAsByteArrayAsync());

        var isOperation = context.Request.Headers["X-Amz-Target"]?.EndsWith("." + _operation, StringComparison.Ordinal) == true;
        if (isOperation && Interlocked.Increment(ref _calls) == 1) (status, answered) = (500, LostAnswer);
        await DynamoDbAnswer.WriteAsync(context, status, answered, "proxy");
    }

    public ValueTask DisposeAsync()
    {
        LoopbackHttpListener.Stop(_listener, _serving);
        _upstream.Dispose();
        return ValueTask.CompletedTask;
    }
}
