using System.Text.Json.Nodes;

namespace Infra.Components.Release;

/// <summary>
/// The EventBridge event patterns that send the guard an alarm's move to ALARM: CloudWatch's "Alarm State Change"
/// events of exactly the watched alarms. EventBridge accepts patterns of at most <see cref="MaxPatternLength"/>
/// characters by default, so a stack with many alarms gets several patterns (one rule each), names in order.
/// </summary>
public static class GuardEventPatterns
{
    /// <summary>EventBridge's default quota on an event pattern's size, in characters.</summary>
    public const int MaxPatternLength = 2048;

    public const string Source = "aws.cloudwatch";
    public const string DetailType = "CloudWatch Alarm State Change";
    public const string AlarmState = "ALARM";

    /// <summary>None for no alarms (every alarm disabled): the guard then acts only on an expired lease.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<string> alarmNames, int maxLength = MaxPatternLength)
    {
        if (alarmNames.Count == 0) return [];
        var patterns = new List<string>();
        var chunk = new List<string>();
        foreach (var alarm in alarmNames)
        {
            if (Pattern([alarm]).Length > maxLength)
                throw new ArgumentException(
                    $"alarm '{alarm}' alone makes an event pattern longer than EventBridge's {maxLength} characters", nameof(alarmNames));
            if (Pattern([.. chunk, alarm]).Length > maxLength)
            {
                patterns.Add(Pattern(chunk));
                chunk = [];
            }
            chunk.Add(alarm);
        }
        patterns.Add(Pattern(chunk));
        return patterns;
    }

    private static string Pattern(IReadOnlyList<string> alarmNames) => new JsonObject
    {
        ["source"] = new JsonArray(Source),
        ["detail-type"] = new JsonArray(DetailType),
        ["detail"] = new JsonObject
        {
            ["alarmName"] = new JsonArray(alarmNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["state"] = new JsonObject { ["value"] = new JsonArray(AlarmState) },
        },
    }.ToJsonString();
}
