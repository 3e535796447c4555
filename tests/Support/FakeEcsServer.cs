using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TestSupport;

/// <summary>
/// An ECS stand-in on 127.0.0.1 speaking AWS JSON 1.1 (target prefix AmazonEC2ContainerServiceV20141113) for
/// UpdateService and DescribeServices, RunTask and DescribeTasks. It fails as ECS does: ClusterNotFoundException for an unknown cluster,
/// InvalidParameterException for an unknown task definition, a missing awsvpc configuration or an override of a container
/// the task definition lacks or a client token ECS would refuse (over 64 characters, or outside ASCII 33-126), a MISSING
/// failure (HTTP 200) for a task it does not know,
/// ServiceNotFoundException when updating an unknown service, a MISSING failure (HTTP 200) when describing one, and
/// UnknownOperationException for any other target. RunTask is idempotent per cluster and client token, as the ECS API
/// reference's "Ensuring idempotency" says: the same token with the same parameters answers the first call's task and
/// starts nothing, with changed parameters a ConflictException (its message here is ours, not ECS's). Every request is
/// recorded as (target, body).
/// </summary>
internal sealed class FakeEcsServer : IDisposable
{
    private const string Prefix = "AmazonEC2ContainerServiceV20141113.";
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<(string Target, string Body)> _requests = new();

    private FakeEcsServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    public string Endpoint { get; }

    /// <summary>(cluster, service) to (desired, running).</summary>
    public ConcurrentDictionary<(string Cluster, string Service), (int Desired, int Running)> Services { get; } = new();

    public IReadOnlyList<(string Target, string Body)> Requests => [.. _requests];

    /// <summary>Registered task definitions by ARN, with their container names.</summary>
    public ConcurrentDictionary<string, string[]> TaskDefinitions { get; } = new();

    /// <summary>A task RunTask started: its cluster, status, and once stopped its container's exit code (null: it never ran) and why.</summary>
    public sealed record RunningTask(string Cluster, string Container, string LastStatus, int? ExitCode = null, string? StoppedReason = null);

    public ConcurrentDictionary<string, RunningTask> Tasks { get; } = new();

    /// <summary>RunTask's client tokens by cluster: the first call's parameters (its body without the token) and its task.</summary>
    private readonly ConcurrentDictionary<(string Cluster, string Token), (string Parameters, string Arn)> _tokens = new();

    public static FakeEcsServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeEcsServer(listener, port);
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
        var cluster = (string?)body["cluster"] ?? "default";
        if (target is Prefix + "RunTask" or Prefix + "DescribeTasks") return AnswerTasks(target, cluster, body);
        if (target is not (Prefix + "UpdateService" or Prefix + "DescribeServices")) return Error("UnknownOperationException", $"no operation {target}");
        if (!Services.Keys.Any(k => k.Cluster == cluster)) return Error("ClusterNotFoundException", "Cluster not found.");
        if (target == Prefix + "UpdateService")
        {
            var service = (string?)body["service"] ?? "";
            if (!Services.TryGetValue((cluster, service), out var counts)) return Error("ServiceNotFoundException", "Service not found.");
            Services[(cluster, service)] = counts with { Desired = (int?)body["desiredCount"] ?? counts.Desired };
            return (200, new JsonObject { ["service"] = Shown(service, Services[(cluster, service)]) });
        }

        var names = (body["services"] as JsonArray)?.Select(n => (string)n!).ToList() ?? [];
        var found = names.Where(n => Services.ContainsKey((cluster, n))).ToList();
        return (200, new JsonObject
        {
            ["services"] = new JsonArray([.. found.Select(n => (JsonNode)Shown(n, Services[(cluster, n)]))]),
            ["failures"] = new JsonArray([.. names.Except(found).Select(n => (JsonNode)new JsonObject
            {
                ["arn"] = $"arn:aws:ecs:eu-central-1:123456789012:service/{cluster}/{n}",
                ["reason"] = "MISSING",
            })]),
        });
    }

    private (int, JsonObject) AnswerTasks(string target, string cluster, JsonObject body)
    {
        if (!Services.Keys.Any(k => k.Cluster == cluster)) return Error("ClusterNotFoundException", "Cluster not found.");
        if (target == Prefix + "DescribeTasks")
        {
            var arns = (body["tasks"] as JsonArray)?.Select(n => (string)n!).ToList() ?? [];
            var known = arns.Where(a => Tasks.TryGetValue(a, out var t) && t.Cluster == cluster).ToList();
            return (200, new JsonObject
            {
                ["tasks"] = new JsonArray([.. known.Select(a => (JsonNode)TaskJson(a, Tasks[a]))]),
                ["failures"] = new JsonArray([.. arns.Except(known).Select(a => (JsonNode)new JsonObject { ["arn"] = a, ["reason"] = "MISSING" })]),
            });
        }

        var token = (string?)body["clientToken"];
        if (token is { Length: 0 or > 64 } || token?.Any(c => c is < '!' or > '~') == true)
            return Error("InvalidParameterException", "The client token must be 1 to 64 ASCII characters from 33 to 126.");
        var parameters = new JsonObject(body.Where(p => p.Key != "clientToken").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
        if (token is not null && _tokens.TryGetValue((cluster, token), out var first))
        {
            return first.Parameters == parameters
                ? (200, new JsonObject { ["tasks"] = new JsonArray(TaskJson(first.Arn, Tasks[first.Arn])), ["failures"] = new JsonArray() })
                : Error("ConflictException", $"The client token {token} was already used with different parameters.");
        }

        var definition = (string?)body["taskDefinition"] ?? "";
        if (!TaskDefinitions.TryGetValue(definition, out var containers)) return Error("InvalidParameterException", "TaskDefinition not found.");
        if (body["networkConfiguration"]?["awsvpcConfiguration"] is null)
            return Error("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        var overrides = body["overrides"]?["containerOverrides"] as JsonArray ?? [];
        if (overrides.Select(o => (string?)o?["name"]).FirstOrDefault(n => !containers.Contains(n)) is { } unknown)
            return Error("InvalidParameterException", $"Override for container named {unknown} is not a container in the TaskDefinition.");
        var arn = $"arn:aws:ecs:eu-west-1:123456789012:task/{cluster}/{Tasks.Count + 1:D4}abcdef";
        Tasks[arn] = new RunningTask(cluster, containers[0], "PROVISIONING");
        if (token is not null) _tokens[(cluster, token)] = (parameters, arn);
        return (200, new JsonObject { ["tasks"] = new JsonArray(TaskJson(arn, Tasks[arn])), ["failures"] = new JsonArray() });
    }

    private static JsonObject TaskJson(string arn, RunningTask task)
    {
        var container = new JsonObject { ["name"] = task.Container, ["lastStatus"] = task.LastStatus };
        if (task.ExitCode is { } code) container["exitCode"] = code;
        var json = new JsonObject { ["taskArn"] = arn, ["lastStatus"] = task.LastStatus, ["containers"] = new JsonArray(container) };
        if (task.StoppedReason is { } reason) json["stoppedReason"] = reason;
        return json;
    }

    private static JsonObject Shown(string name, (int Desired, int Running) counts) => new()
    {
        ["serviceName"] = name,
        ["status"] = "ACTIVE",
        ["desiredCount"] = counts.Desired,
        ["runningCount"] = counts.Running,
        ["pendingCount"] = 0,
    };

    private static (int, JsonObject) Error(string code, string message) => (400, new JsonObject { ["__type"] = code, ["message"] = message });
}
