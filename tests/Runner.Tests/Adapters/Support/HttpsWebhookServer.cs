using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Infra.Runner.Adapters;

namespace Runner.Tests.Adapters.Support;

/// <summary>A webhook call as the server received it, and whether its signature matched the body under the key.</summary>
internal sealed record WebhookCall(string Path, string Body, bool SignatureValid);

/// <summary>
/// A webhook receiver over TLS on 127.0.0.1 with a self-signed certificate made for the test, which the sender
/// trusts by pinning it (<see cref="Trust"/>). It checks each request's HMAC-SHA256 header against the body with
/// its key, like a real receiver, and answers by path: <c>/ok</c> 204, <c>/fail</c> 500, <c>/redirect</c> 302 to
/// <c>/ok</c>, and <c>/hang</c> never, after telling <see cref="Hung"/> so the test's clock can run out the sender's timeout.
/// </summary>
internal sealed class HttpsWebhookServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] key;
    private readonly Task loop;

    public HttpsWebhookServer(string key)
    {
        this.key = Encoding.UTF8.GetBytes(key);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", ecdsa, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public X509Certificate2 Certificate { get; }

    public List<WebhookCall> Calls { get; } = [];

    /// <summary>Called when a <c>/hang</c> request has arrived whole and will not be answered.</summary>
    public Action Hung { get; set; } = () => { };

    /// <summary>Trusts exactly this server's certificate: any other, or a name mismatch, is refused.</summary>
    public RemoteCertificateValidationCallback Trust => (_, certificate, _, errors) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString()
        && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;

    public Uri Url(string path) => new($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}");

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
        Certificate.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(Certificate);
            var (path, headers, body) = await ReadAsync(tls);
            var signed = headers.GetValueOrDefault(HttpsWebhookSender.SignatureHeader.ToLowerInvariant()) ?? "";
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
            lock (Calls) Calls.Add(new WebhookCall(path, Encoding.UTF8.GetString(body), CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(signed), Encoding.ASCII.GetBytes(expected))));
            var answer = path switch
            {
                "/ok" => "204 No Content\r\n",
                "/redirect" => $"302 Found\r\nLocation: {Url("/ok")}\r\n",
                "/hang" => null,
                _ => "500 Internal Server Error\r\n",
            };
            if (answer is null)
            {
                Hung();
                await Task.Delay(Timeout.Infinite, stop.Token);
                return;
            }

            await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {answer}Content-Length: 0\r\nConnection: close\r\n\r\n"));
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or AuthenticationException)
        {
            // The client went away (a timed-out sender) or the server stops.
        }
    }

    private static async Task<(string Path, Dictionary<string, string> Headers, byte[] Body)> ReadAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("the client closed the connection");
            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = new byte[int.Parse(headers.GetValueOrDefault("content-length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body);
        return (lines[0].Split(' ')[1], headers, body);
    }
}
