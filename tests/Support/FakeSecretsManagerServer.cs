using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TestSupport;

/// <summary>
/// A Secrets Manager stand-in on 127.0.0.1 (a port the OS picks) for GetSecretValue and DescribeSecret, speaking AWS
/// JSON 1.1 as the service does. The test stores secrets under their ARN (also found by name, as the service allows);
/// the server answers as the service does: the current version's SecretString, or the secret's details (DeletedDate
/// while it is scheduled for deletion, when its value cannot be read), ResourceNotFoundException for an id it does not
/// hold, AccessDeniedException for every call while access is denied, ValidationException without a SecretId, and
/// UnknownOperationException or SerializationException for requests that are not AWS JSON 1.1. Every request is
/// recorded.
/// </summary>
internal sealed class FakeSecretsManagerServer : IDisposable
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string Target = "secretsmanager.GetSecretValue";
    public const string DescribeTarget = "secretsmanager.DescribeSecret";

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, (string Name, string Value)> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SecretsManagerRequest> _requests = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _deletions = new(StringComparer.Ordinal);
    private readonly Task _serving;
    private volatile bool _accessDenied;

    private FakeSecretsManagerServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the value for AWS_ENDPOINT_URL_SECRETS_MANAGER.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<SecretsManagerRequest> Requests => [.. _requests];

    public static FakeSecretsManagerServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeSecretsManagerServer(listener, port);
    }

    /// <summary>Stores <paramref name="value"/> as the current version of the secret with this ARN.</summary>
    public void SetSecret(string arn, string value) =>
        _secrets[arn] = (arn.Split(':').Last(), value);

    /// <summary>Schedules the stored secret with this ARN for deletion at <paramref name="at"/>: its value can no longer be read.</summary>
    public void ScheduleDeletion(string arn, DateTimeOffset at) => _deletions[arn] = at;

    /// <summary>While true, every call fails as it does for a caller without the call's secretsmanager permission.</summary>
    public void DenyAccess(bool denied) => _accessDenied = denied;

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = new SecretsManagerRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            context.Request.Headers["X-Amz-Target"] ?? "", context.Request.ContentType ?? "", await reader.ReadToEndAsync());
        _requests.Enqueue(request);
        var (status, answer) = Answer(request);
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, JsonObject Body) Answer(SecretsManagerRequest request)
    {
        if (request.Method != "POST" || request.Path != "/" || request.Target is not (Target or DescribeTarget))
            return Error("UnknownOperationException", $"no operation for {request.Method} {request.Path} with X-Amz-Target '{request.Target}'");
        if (request.ContentType != ContentType)
            return Error("SerializationException", $"expected Content-Type {ContentType}");
        string? secretId;
        try
        {
            secretId = (string?)(JsonNode.Parse(request.Body) as JsonObject)?["SecretId"];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Error("SerializationException", "the body is not a JSON object");
        }

        if (string.IsNullOrEmpty(secretId))
            return Error("ValidationException", "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
        var action = $"secretsmanager:{request.Target.Split('.')[1]}";
        if (_accessDenied)
            return Error("AccessDeniedException",
                $"User: arn:aws:sts::123456789012:assumed-role/infra-runner/ci is not authorized to perform: {action} on resource: {secretId} because no identity-based policy allows the {action} action");
        var found = _secrets.FirstOrDefault(s => s.Key == secretId || s.Value.Name == secretId);
        if (found.Key is null)
            return Error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        var deletedAt = _deletions.TryGetValue(found.Key, out var at) ? at : (DateTimeOffset?)null;
        if (request.Target == DescribeTarget)
        {
            var details = new JsonObject { ["ARN"] = found.Key, ["Name"] = found.Value.Name, ["CreatedDate"] = 1767225600.0 };
            if (deletedAt is { } deleted) details["DeletedDate"] = deleted.ToUnixTimeSeconds();
            return (200, details);
        }

        if (deletedAt is not null)
            return Error("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.");
        return (200, new JsonObject
        {
            ["ARN"] = found.Key,
            ["Name"] = found.Value.Name,
            ["SecretString"] = found.Value.Value,
            ["VersionId"] = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            ["VersionStages"] = new JsonArray("AWSCURRENT"),
            ["CreatedDate"] = 1767225600.0,
        });
    }

    private static (int, JsonObject) Error(string code, string message) => (400, new JsonObject { ["__type"] = code, ["Message"] = message });
}

/// <summary>A request as the fake Secrets Manager received it.</summary>
internal sealed record SecretsManagerRequest(string Method, string Path, string Target, string ContentType, string Body);
