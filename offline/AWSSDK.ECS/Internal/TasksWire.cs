using System.Text.Json.Nodes;
using Amazon.ECS.Model;

namespace Amazon.ECS.Internal;

/// <summary>RunTask's and DescribeTasks' JSON members, as the ecs-2014-11-13 model names them (camelCase).</summary>
internal static class TasksWire
{
    public static JsonObject Run(RunTaskRequest request)
    {
        var body = new JsonObject();
        if (request.Cluster is not null) body["cluster"] = request.Cluster;
        if (request.TaskDefinition is not null) body["taskDefinition"] = request.TaskDefinition;
        if (request.LaunchType is not null) body["launchType"] = request.LaunchType.Value;
        if (request.StartedBy is not null) body["startedBy"] = request.StartedBy;
        body["clientToken"] = request.ClientToken ?? Guid.NewGuid().ToString();
        if (request.NetworkConfiguration?.AwsvpcConfiguration is { } vpc)
        {
            var awsvpc = new JsonObject();
            if (vpc.Subnets is not null) awsvpc["subnets"] = Strings(vpc.Subnets);
            if (vpc.SecurityGroups is not null) awsvpc["securityGroups"] = Strings(vpc.SecurityGroups);
            if (vpc.AssignPublicIp is not null) awsvpc["assignPublicIp"] = vpc.AssignPublicIp.Value;
            body["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = awsvpc };
        }

        if (request.Overrides?.ContainerOverrides is { } overrides)
        {
            body["overrides"] = new JsonObject
            {
                ["containerOverrides"] = new JsonArray([.. overrides.Select(o =>
                {
                    var container = new JsonObject();
                    if (o.Name is not null) container["name"] = o.Name;
                    if (o.Command is not null) container["command"] = Strings(o.Command);
                    return (JsonNode)container;
                })]),
            };
        }

        return body;
    }

    public static JsonObject Describe(DescribeTasksRequest request)
    {
        var body = new JsonObject();
        if (request.Cluster is not null) body["cluster"] = request.Cluster;
        if (request.Tasks is not null) body["tasks"] = Strings(request.Tasks);
        return body;
    }

    public static RunTaskResponse Ran(JsonObject body) => new() { Tasks = Tasks(body), Failures = ServicesWire.Failures(body) };

    public static DescribeTasksResponse Described(JsonObject body) => new() { Tasks = Tasks(body), Failures = ServicesWire.Failures(body) };

    private static List<Model.Task>? Tasks(JsonObject body) =>
        (body["tasks"] as JsonArray)?.OfType<JsonObject>().Select(t => new Model.Task
        {
            TaskArn = (string?)t["taskArn"],
            LastStatus = (string?)t["lastStatus"],
            StoppedReason = (string?)t["stoppedReason"],
            Containers = (t["containers"] as JsonArray)?.OfType<JsonObject>().Select(c => new Container
            {
                Name = (string?)c["name"],
                ExitCode = (int?)c["exitCode"],
                Reason = (string?)c["reason"],
            }).ToList(),
        }).ToList();

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
