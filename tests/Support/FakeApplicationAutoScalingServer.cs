using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TestSupport;

/// <summary>
/// An Application Auto Scaling stand-in on 127.0.0.1 speaking AWS JSON 1.1 (target prefix AnyScaleFrontendService) for
/// RegisterScalableTarget of ECS services. It fails as the service does: a ValidationException for a missing
/// identifying member, a namespace or dimension other than ECS's desired count, an ECS service it does not know, a new
/// target without both capacities, or a minimum above the maximum; UnknownOperationException for any other target.
/// Registering an existing target changes only the capacities given. Every request is recorded as (target, body).
/// </summary>
internal sealed class FakeApplicationAutoScalingServer : IDisposable
{
    private const string Prefix = "AnyScaleFrontendService.";
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<(string Target, string Body)> _requests = new();

    private FakeApplicationAutoScalingServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>The ECS services that exist, as resource ids (<c>service/&lt;cluster&gt;/&lt;service&gt;</c>).</summary>
    public ConcurrentDictionary<string, bool> EcsServices { get; } = new();

    /// <summary>Registered targets by resource id: (min, max).</summary>
    public ConcurrentDictionary<string, (int Min, int Max)> Targets { get; } = new();

    public IReadOnlyList<(string Target, string Body)> Requests => [.. _requests];

    public static FakeApplicationAutoScalingServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeApplicationAutoScalingServer(listener, port);
    }

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var target = context.Request.Headers["X-Amz-Target"] ?? "";
        var text = await reader.ReadToEndAsync();
        _requests.Enqueue((target, text));
        var (status, body) = Answer(target, JsonNode.Parse(text) as JsonObject ?? []);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int, JsonObject) Answer(string target, JsonObject body)
    {
        if (target != Prefix + "RegisterScalableTarget") return Error("UnknownOperationException", $"no operation {target}");
        var (ns, resource, dimension) = ((string?)body["ServiceNamespace"], (string?)body["ResourceId"], (string?)body["ScalableDimension"]);
        if (ns is null || resource is null || dimension is null) return Error("ValidationException", "ServiceNamespace, ResourceId and ScalableDimension are required");
        if (ns != "ecs" || dimension != "ecs:service:DesiredCount") return Error("ValidationException", $"Unsupported service namespace, resource type or scalable dimension");
        if (!EcsServices.ContainsKey(resource)) return Error("ValidationException", $"ECS service doesn't exist: {resource}");
        var (min, max) = ((int?)body["MinCapacity"], (int?)body["MaxCapacity"]);
        if (!Targets.TryGetValue(resource, out var existing) && (min is null || max is null))
        {
            return Error("ValidationException", "MinCapacity and MaxCapacity are required to register a new scalable target");
        }

        var range = (Min: min ?? existing.Min, Max: max ?? existing.Max);
        if (range.Min > range.Max) return Error("ValidationException", "Minimum capacity cannot be greater than maximum capacity");
        Targets[resource] = range;
        return (200, new JsonObject { ["ScalableTargetARN"] = $"arn:aws:application-autoscaling:eu-central-1:123456789012:scalable-target/{Math.Abs(resource.GetHashCode()):x}" });
    }

    private static (int, JsonObject) Error(string code, string message) => (400, new JsonObject { ["__type"] = code, ["message"] = message });
}
