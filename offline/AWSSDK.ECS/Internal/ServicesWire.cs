using System.Text.Json.Nodes;
using Amazon.ECS.Model;

namespace Amazon.ECS.Internal;

/// <summary>UpdateService's and DescribeServices' JSON members, as the ecs-2014-11-13 model names them (camelCase).</summary>
internal static class ServicesWire
{
    public static JsonObject Update(UpdateServiceRequest request)
    {
        var body = new JsonObject();
        if (request.Cluster is not null) body["cluster"] = request.Cluster;
        if (request.Service is not null) body["service"] = request.Service;
        if (request.DesiredCount is { } count) body["desiredCount"] = count;
        return body;
    }

    public static JsonObject Describe(DescribeServicesRequest request)
    {
        var body = new JsonObject();
        if (request.Cluster is not null) body["cluster"] = request.Cluster;
        if (request.Services is not null) body["services"] = new JsonArray([.. request.Services.Select(s => (JsonNode?)s)]);
        return body;
    }

    public static DescribeServicesResponse Described(JsonObject body) => new()
    {
        Services = (body["services"] as JsonArray)?.OfType<JsonObject>().Select(s => new Service
        {
            ServiceName = (string?)s["serviceName"],
            Status = (string?)s["status"],
            DesiredCount = (int?)s["desiredCount"],
            RunningCount = (int?)s["runningCount"],
        }).ToList(),
        Failures = Failures(body),
    };

    /// <summary>The names or ARNs an operation could not answer for, and why (e.g. <c>MISSING</c>).</summary>
    public static List<Failure>? Failures(JsonObject body) =>
        (body["failures"] as JsonArray)?.OfType<JsonObject>().Select(f => new Failure
        {
            Arn = (string?)f["arn"],
            Reason = (string?)f["reason"],
        }).ToList();
}
