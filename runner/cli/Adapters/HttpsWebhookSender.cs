using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// POSTs webhook bodies over HTTPS with the header <see cref="SignatureHeader"/>: <c>sha256=</c> and the lower-case hex
/// HMAC-SHA256 of the exact body bytes under the stack's webhook key (<c>infra:rollout.hooks.webhookKey</c>), read once,
/// when the first webhook is called. Redirects are not followed (a 3xx is the answer), the certificate is validated as
/// the platform does unless a caller pins its own, and neither the key nor the body ever reaches a message.
/// </summary>
public sealed class HttpsWebhookSender : IWebhookSender, IDisposable
{
    public const string SignatureHeader = "X-Infra-Signature-256";

    private readonly HttpClient http;
    private readonly Func<CancellationToken, Task<string>> readKey;
    private readonly TimeProvider time;
    private byte[]? key;

    /// <param name="readKey">Reads the webhook key (a Pulumi secret of the stack).</param>
    /// <param name="time">Runs each call's timeout.</param>
    /// <param name="trust">Replaces the platform's certificate validation (tests pin their own self-signed certificate); null keeps it.</param>
    public HttpsWebhookSender(Func<CancellationToken, Task<string>> readKey, TimeProvider time, RemoteCertificateValidationCallback? trust = null)
    {
        this.readKey = readKey;
        this.time = time;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (trust is not null) handler.SslOptions.RemoteCertificateValidationCallback = trust;
        // Each call's own deadline applies, not HttpClient's.
        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<WebhookResponse> PostAsync(Uri url, ReadOnlyMemory<byte> body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps) return new WebhookResponse(null, Error: "the url is not https");
        byte[] secret;
        try
        {
            secret = key ??= Encoding.UTF8.GetBytes(await readKey(cancellationToken));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new WebhookResponse(null, Error: $"the webhook key could not be read ({error.GetType().Name})");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, Sign(secret, body.Span));
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return new WebhookResponse((int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, TimedOut: true);
        }
        catch (HttpRequestException error)
        {
            return new WebhookResponse(null, Error: error.HttpRequestError.ToString());
        }
    }

    /// <summary>The header's value: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the key.</summary>
    public static string Sign(byte[] key, ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    public void Dispose() => http.Dispose();
}
