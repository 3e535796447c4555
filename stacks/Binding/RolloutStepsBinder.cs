using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout.steps</c>: percentages, with <c>pause</c> or <c>pause:DURATION</c> items between them.</summary>
public static partial class RolloutStepsBinder
{
    // The runner's duration spelling (90s, 30m, 1h30m), so the stack file and --steps read alike.
    [GeneratedRegex(@"^pause(?::(?:(\d{1,5})h)?(?:(\d{1,5})m)?(?:(\d{1,6})s)?)?$")]
    private static partial Regex PausePattern();

    /// <summary>The percentages (null when the key is absent) and the pauses; an unreadable item is reported and skipped.</summary>
    public static (ValueList<int>? Steps, ValueList<PauseSetting> Pauses) Bind(MapReader rollout)
    {
        var path = rollout.PathOf("steps");
        var node = rollout.Node("steps");
        if (node is null) return (null, ValueList<PauseSetting>.Empty);
        if (node is not ConfigList list)
        {
            rollout.Diagnostics.Error(path, $"expected a list, got {node.Describe()}");
            return (null, ValueList<PauseSetting>.Empty);
        }

        var steps = new List<int>();
        var pauses = new List<PauseSetting>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            // Steps are never sensitive, but Pulumi marks the whole infra:rollout secret once hooks.webhookKey is.
            var text = item is ConfigScalar scalar ? scalar.Text.Trim() : null;
            if (text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
            {
                steps.Add(percent);
            }
            else if (text is not null && PausePattern().Match(text) is { Success: true } pause)
            {
                pauses.Add(new PauseSetting(steps.Count, TimeoutSeconds(pause), text));
            }
            else
            {
                rollout.Diagnostics.Error(KeyPath.Item(path, i),
                    $"expected a percentage, pause or pause:DURATION (e.g. pause:30m), got {item.Describe()}");
            }
        }

        return (steps.ToValueList(), pauses.ToValueList());
    }

    private static int? TimeoutSeconds(Match pause)
    {
        if (pause.Length == "pause".Length) return null;
        var seconds = 0L;
        foreach (var (group, unit) in new[] { (1, 3600), (2, 60), (3, 1) })
        {
            if (pause.Groups[group].Success) seconds += long.Parse(pause.Groups[group].Value, CultureInfo.InvariantCulture) * unit;
        }

        return (int)Math.Min(seconds, int.MaxValue);
    }
}
