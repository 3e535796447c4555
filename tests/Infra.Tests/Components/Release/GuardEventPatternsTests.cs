using System.Text.Json.Nodes;
using Infra.Components.Release;

namespace Infra.Tests.Components.Release;

public sealed class GuardEventPatternsTests
{
    private static IReadOnlyList<string> AlarmsIn(string pattern) =>
        JsonNode.Parse(pattern)!["detail"]!["alarmName"]!.AsArray().Select(n => (string)n!).ToList();

    [Fact]
    public void Alarms_that_fit_one_pattern_get_one()
    {
        var patterns = GuardEventPatterns.For(["a", "b"]);

        Assert.Equal(["""{"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],"detail":{"alarmName":["a","b"],"state":{"value":["ALARM"]}}}"""],
            patterns);
    }

    [Fact]
    public void Alarms_over_eventbridges_pattern_size_are_split_in_order_and_each_pattern_fits()
    {
        var alarms = Enumerable.Range(1, 120).Select(i => $"infra-production-service{i:D3}-blue-p99-latency").ToList();

        var patterns = GuardEventPatterns.For(alarms);

        Assert.True(patterns.Count > 1);
        Assert.All(patterns, p => Assert.True(p.Length <= GuardEventPatterns.MaxPatternLength, $"{p.Length} characters"));
        Assert.Equal(alarms, patterns.SelectMany(AlarmsIn));
    }

    [Fact]
    public void No_alarms_give_no_pattern() => Assert.Empty(GuardEventPatterns.For([]));

    [Fact]
    public void An_alarm_too_long_for_any_pattern_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => GuardEventPatterns.For(["x", new string('a', 300)], maxLength: 200));

        Assert.Equal($"alarm '{new string('a', 300)}' alone makes an event pattern longer than EventBridge's 200 characters (Parameter 'alarmNames')", error.Message);
    }
}
