using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Components.Functions;

/// <summary>
/// The resource policy of a function's dead-letter queue for <see cref="EventTrigger"/>: EventBridge may send to it only
/// for the function's own rules (an event it could not deliver). Lambda's own dead letters go through the function's
/// role instead.
/// </summary>
public static class UndeliveredEventsPolicy
{
    public static string For(string queueArn, IReadOnlyList<string> ruleArns) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "UndeliveredEvents",
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
