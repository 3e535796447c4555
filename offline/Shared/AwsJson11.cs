using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace Amazon.Offline;

/// <summary>
/// AWS JSON 1.1, the protocol of the services whose model says <c>"protocol":"json","jsonVersion":"1.1"</c> (Secrets
/// Manager, ECS): POST / with <c>X-Amz-Target: &lt;targetPrefix&gt;.&lt;Operation&gt;</c> and
/// <c>Content-Type: application/x-amz-json-1.1</c>, a JSON body each way. An error is an HTTP 4xx/5xx whose body's
/// <c>__type</c> (optionally <c>namespace#Code</c>) names it, with the text in <c>message</c> or <c>Message</c>.
/// Linked into each offline AWSSDK project that speaks it.
/// </summary>
internal sealed record AwsJson11(string Service, string TargetPrefix, AwsErrorFactory Error)
{
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly HttpClient Http = new();

    public async Task<T> CallAsync<T>(Uri endpoint, string operation, JsonObject body, Func<JsonObject, T> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"));
        request.Headers.Add("X-Amz-Target", $"{TargetPrefix}.{operation}");
        request.Content = new StringContent(body.ToJsonString());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);

        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(text);
        if (!response.IsSuccessStatusCode) throw Failed(response, json, operation);
        return read(json ?? throw Error("", $"{Service} {operation} answered HTTP {(int)response.StatusCode} with a body that is not a JSON object",
            ErrorType.Unknown, RequestId(response), response.StatusCode));
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Never echoes the request: its body may name a secret, and a caller may log the message.
    private AmazonServiceException Failed(HttpResponseMessage response, JsonObject? body, string operation)
    {
        var type = (string?)body?["__type"];
        var code = type?[(type.LastIndexOf('#') + 1)..] ?? "";
        var message = (string?)body?["message"] ?? (string?)body?["Message"]
            ?? $"{Service} {operation} answered HTTP {(int)response.StatusCode}{(code.Length > 0 ? $" ({code})" : "")}";
        var errorType = (int)response.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return Error(code, message, errorType, RequestId(response), response.StatusCode);
    }

    private static string RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() ?? "" : "";
}
