using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecretsManager.Model;

namespace Amazon.SecretsManager.Internal;

/// <summary>
/// AWS JSON 1.1, the protocol of the Secrets Manager service model (secretsmanager-2017-10-17: "protocol":"json",
/// "jsonVersion":"1.1", "targetPrefix":"secretsmanager"): POST / with <c>X-Amz-Target: secretsmanager.&lt;Operation&gt;</c>
/// and <c>Content-Type: application/x-amz-json-1.1</c>, a JSON body each way. An error is an HTTP 4xx/5xx whose body's
/// <c>__type</c> (optionally <c>namespace#Code</c>) names it, with the text in <c>message</c> or <c>Message</c>.
/// </summary>
internal static class JsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetPrefix = "secretsmanager";

    private static readonly HttpClient Http = new();

    public static async Task<T> CallAsync<T>(Uri endpoint, string operation, JsonObject body, Func<JsonObject, T> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"));
        request.Headers.Add("X-Amz-Target", $"{TargetPrefix}.{operation}");
        request.Content = new StringContent(body.ToJsonString());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);

        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(text);
        if (!response.IsSuccessStatusCode) throw Error(response, json, operation);
        return read(json ?? throw new AmazonSecretsManagerException(
            $"Secrets Manager {operation} answered HTTP {(int)response.StatusCode} with a body that is not a JSON object",
            null!, ErrorType.Unknown, "", RequestId(response), response.StatusCode));
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

    // Never echoes the request: its body names the secret, and a caller may log the message.
    private static AmazonSecretsManagerException Error(HttpResponseMessage response, JsonObject? body, string operation)
    {
        var type = (string?)body?["__type"];
        var code = type?[(type.LastIndexOf('#') + 1)..] ?? "";
        var message = (string?)body?["message"] ?? (string?)body?["Message"]
            ?? $"Secrets Manager {operation} answered HTTP {(int)response.StatusCode}{(code.Length > 0 ? $" ({code})" : "")}";
        var errorType = (int)response.StatusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        var requestId = RequestId(response);
        return code == "ResourceNotFoundException"
            ? new ResourceNotFoundException(message, null!, errorType, code, requestId, response.StatusCode)
            : new AmazonSecretsManagerException(message, null!, errorType, code, requestId, response.StatusCode);
    }

    private static string RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() ?? "" : "";
}
