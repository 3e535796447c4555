using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Reads the forward weights of listeners and listener rules. Weights are the runner's to move, step by step behind
/// alarm gates; a plan that changes them moves traffic in one jump.
/// </summary>
public static partial class ListenerWeights
{
    private static readonly string[] ListenerTypes = ["aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule"];
    private static readonly string[] ActionLists = ["defaultActions", "actions"];

    public static bool Carries(PlanResource resource) => ListenerTypes.Contains(resource.Type);

    /// <summary>
    /// Each weight that differs, noted with its target group: <c>defaultActions[0].forward.targetGroups[1].weight</c>
    /// (web-green) 0 → 10. Weights are matched by target group, not by position, so reordered target groups do not
    /// pass one group's weight off as another's; the path gives the group's index in the head (in the base if the head
    /// no longer forwards to it).
    /// </summary>
    public static IReadOnlyList<PropertyChange> Changes(PlanResource before, PlanResource after)
    {
        var old = Read(before);
        var now = Read(after);
        var changes = new List<PropertyChange>();
        foreach (var target in old.Keys.Concat(now.Keys.Where(t => !old.ContainsKey(t))))
        {
            old.TryGetValue(target, out var b);
            now.TryGetValue(target, out var a);
            if (b?.Weight != a?.Weight)
            {
                var forward = (a ?? b)!;
                changes.Add(new PropertyChange(forward.Path, b?.Weight, a?.Weight, forward.Target));
            }
        }

        return changes;
    }

    // Keyed by action and target group ARN: "defaultActions[0] ${aws:lb/targetGroup:TargetGroup::web-blue.arn}".
    private static Dictionary<string, Forward> Read(PlanResource resource)
    {
        var weights = new Dictionary<string, Forward>(StringComparer.Ordinal);
        foreach (var list in ActionLists)
        {
            if (resource.Inputs[list] is not JsonArray actions)
            {
                continue;
            }

            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i]?["forward"]?["targetGroups"] is not JsonArray groups)
                {
                    continue;
                }

                for (var j = 0; j < groups.Count; j++)
                {
                    var arn = Text(groups[j]?["arn"]);
                    var weight = groups[j]?["weight"] is { } w ? JsonText.Render(w) : null;
                    weights[$"{list}[{i}] {arn}"] = new Forward($"{list}[{i}].forward.targetGroups[{j}].weight", weight, TargetName(arn));
                }
            }
        }

        return weights;
    }

    private static string Text(JsonNode? arn) =>
        arn is JsonValue value && value.TryGetValue<string>(out var s) ? s : JsonText.Render(arn);

    // "${aws:lb/targetGroup:TargetGroup::web-blue.arn}" names the target group "web-blue".
    private static string TargetName(string arn)
    {
        var match = OutputToken().Match(arn);
        return match.Success ? match.Groups["name"].Value : arn;
    }

    [GeneratedRegex(@"^\$\{[^}]*::(?<name>[^}]+)\.[A-Za-z0-9_]+\}$")]
    private static partial Regex OutputToken();

    private sealed record Forward(string Path, string? Weight, string Target);
}
