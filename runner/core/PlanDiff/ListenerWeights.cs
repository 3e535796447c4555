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
    /// (web-green) 0 → 10.
    /// </summary>
    public static IReadOnlyList<PropertyChange> Changes(PlanResource before, PlanResource after)
    {
        var old = Read(before);
        var now = Read(after);
        var changes = new List<PropertyChange>();
        foreach (var path in old.Keys.Concat(now.Keys.Where(p => !old.ContainsKey(p))))
        {
            old.TryGetValue(path, out var b);
            now.TryGetValue(path, out var a);
            if (b?.Weight != a?.Weight)
            {
                changes.Add(new PropertyChange(path, b?.Weight, a?.Weight, (a ?? b)!.Target));
            }
        }

        return changes;
    }

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
                    var path = $"{list}[{i}].forward.targetGroups[{j}].weight";
                    var weight = groups[j]?["weight"] is { } w ? JsonText.Render(w) : null;
                    weights[path] = new Forward(weight, TargetName(groups[j]?["arn"]));
                }
            }
        }

        return weights;
    }

    // "${aws:lb/targetGroup:TargetGroup::web-blue.arn}" names the target group "web-blue".
    private static string TargetName(JsonNode? arn)
    {
        var text = arn is JsonValue value && value.TryGetValue<string>(out var s) ? s : JsonText.Render(arn);
        var match = OutputToken().Match(text);
        return match.Success ? match.Groups["name"].Value : text;
    }

    [GeneratedRegex(@"^\$\{[^}]*::(?<name>[^}]+)\.[A-Za-z0-9_]+\}$")]
    private static partial Regex OutputToken();

    private sealed record Forward(string? Weight, string Target);
}
