using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Components.Release;

/// <summary>
/// The resource policy of the guard's dead-letter queue: EventBridge may send to it only for the guard's own rules
/// (an event it could not deliver to the function). Lambda's own dead letters go through the function's role instead.
/// </summary>
public static class GuardQueuePolicy
{
    public static string For(string queueArn, IReadOnlyList<string> ruleArns) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "UndeliveredGuardEvents",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" },
            ["Action"] = "sqs:SendMessage",
            ["Resource"] = queueArn,
            ["Condition"] = new JsonObject
            {
                ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = new JsonArray(ruleArns.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()) },
            },
        }),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
