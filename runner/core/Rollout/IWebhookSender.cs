namespace Infra.Runner.Rollout;

/// <summary>
/// What a webhook answered: its HTTP status, or that it did not answer within its timeout, or why the request failed
/// (connection, TLS). Never the response body.
/// </summary>
public sealed record WebhookResponse(int? StatusCode, bool TimedOut = false, string? Error = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>What the journal keeps as the hook's output: <c>HTTP 204</c>, <c>HTTP 302 (redirects are not followed)</c>, ...</summary>
    public string Describe(TimeSpan timeout) => this switch
    {
        { TimedOut: true } => $"no answer within {timeout.TotalSeconds:0} s",
        { StatusCode: >= 300 and < 400 } => $"HTTP {StatusCode} (redirects are not followed)",
        { StatusCode: { } status } => $"HTTP {status}",
        _ => $"request failed: {Error}",
    };
}

/// <summary>
/// POSTs a JSON body to a webhook over HTTPS, signed with the stack's webhook key (HMAC-SHA256), following no
/// redirect. The adapter holds the key; nothing it is given or returns contains it.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookResponse> PostAsync(Uri url, ReadOnlyMemory<byte> body, TimeSpan timeout, CancellationToken cancellationToken);
}
