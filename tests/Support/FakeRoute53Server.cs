using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace TestSupport;

/// <summary>
/// A Route 53 stand-in on 127.0.0.1 for UpdateHealthCheck of calculated health checks, speaking REST-XML: POST
/// /2013-04-01/healthcheck/{id} with an UpdateHealthCheckRequest document. It fails as Route 53 does: NoSuchHealthCheck
/// (404) for an unknown id, InvalidInput (400) for a body that is not that document or a HealthThreshold that is not
/// an integer from 0 to 256 (the API's range). Every request is recorded as (method, path, body).
/// </summary>
internal sealed class FakeRoute53Server : IDisposable
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private const string PathPrefix = "/2013-04-01/healthcheck/";
    private const int MaxHealthThreshold = 256;
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<(string Method, string Path, string Body)> _requests = new();

    private FakeRoute53Server(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>Calculated health check id to its HealthThreshold (how many children must be healthy).</summary>
    public ConcurrentDictionary<string, int> HealthChecks { get; } = new();

    public IReadOnlyList<(string Method, string Path, string Body)> Requests => [.. _requests];

    public static FakeRoute53Server Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeRoute53Server(listener, port);
    }

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync());
        _requests.Enqueue(request);
        var (status, body) = Answer(request.HttpMethod, request.AbsolutePath, request.Item3);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int, string) Answer(string method, string path, string body)
    {
        if (method != "POST" || !path.StartsWith(PathPrefix, StringComparison.Ordinal)) return Error(404, "UnknownOperation", $"no operation for {method} {path}");
        var id = Uri.UnescapeDataString(path[PathPrefix.Length..]);
        if (!HealthChecks.ContainsKey(id)) return Error(404, "NoSuchHealthCheck", $"A health check with id {id} does not exist.");
        XElement document;
        try
        {
            document = XDocument.Parse(body).Root!;
        }
        catch (System.Xml.XmlException)
        {
            return Error(400, "InvalidInput", "Could not parse the request body");
        }

        if (document.Name != XName.Get("UpdateHealthCheckRequest", Ns)) return Error(400, "InvalidInput", "expected an UpdateHealthCheckRequest document");
        if (document.Element(XName.Get("HealthThreshold", Ns)) is { } threshold)
        {
            if (!int.TryParse(threshold.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxHealthThreshold)
            {
                return Error(400, "InvalidInput", $"1 validation error detected: Value '{threshold.Value}' at 'healthThreshold' failed to satisfy constraint: Member must be an integer from 0 to {MaxHealthThreshold}");
            }

            HealthChecks[id] = value;
        }

        return (200, $"<UpdateHealthCheckResponse xmlns=\"{Ns}\"><HealthCheck><Id>{id}</Id><HealthCheckConfig><Type>CALCULATED</Type><HealthThreshold>{HealthChecks[id]}</HealthThreshold></HealthCheckConfig></HealthCheck></UpdateHealthCheckResponse>");
    }

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-3</RequestId></ErrorResponse>");
}
