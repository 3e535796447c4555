using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:featureFlags</c> and <c>infra:featureFlagRollout</c>.</summary>
public static partial class FeatureFlagRules
{
    /// <summary>AppConfig's pattern for flag keys (and attribute names).</summary>
    [GeneratedRegex(@"^[a-z][a-zA-Z\d_-]{0,63}$")]
    public static partial Regex FlagKey();

    public static void Validate(StackSettings settings, Diagnostics d)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < settings.FeatureFlags.Count; i++)
        {
            var flag = settings.FeatureFlags[i];
            var path = KeyPath.Item(ConfigKeys.FeatureFlags, i);
            if (flag.Name.Length == 0)
                d.Error($"{path}.name", "required; an AppConfig flag key such as new_checkout");
            else if (!FlagKey().IsMatch(flag.Name))
                d.Error($"{path}.name", $"{Shown.Text(flag.Name)} is not an AppConfig flag key; start with a lowercase letter, then up to 63 letters, digits, _ or -");
            else if (!seen.Add(flag.Name))
                d.Error($"{path}.name", $"{Shown.Text(flag.Name)} is declared twice; flag names must be unique");
            for (var s = 0; s < flag.Services.Count; s++)
            {
                if (settings.Services.All(service => service.Name != flag.Services[s]))
                    d.Error(KeyPath.Item($"{path}.services", s),
                        $"{Shown.Text(flag.Services[s])} is not a service of this stack; use one of: {string.Join(", ", settings.Services.Select(service => service.Name))}");
            }
            if (flag.Percentage is { } percentage)
                d.CheckRange($"{path}.attributes.percentage", percentage, 0, 100);
            if (flag.UserGroups is { } groups)
            {
                if (groups.Count == 0)
                    d.Error($"{path}.attributes.userGroups", "empty; list at least one group, or leave userGroups out");
                for (var g = 0; g < groups.Count; g++)
                {
                    if (groups[g].Length == 0 || groups[g].Length > 64)
                        d.Error(KeyPath.Item($"{path}.attributes.userGroups", g), $"{Shown.Text(groups[g])} is not allowed; a group name has 1 to 64 characters");
                }
            }
        }

        const string rollout = ConfigKeys.FeatureFlagRollout;
        // AppConfig's own bounds for a deployment strategy.
        d.CheckRange($"{rollout}.durationMinutes", settings.FeatureFlagRollout.DurationMinutes, 0, 1440);
        d.CheckRange($"{rollout}.bakeMinutes", settings.FeatureFlagRollout.BakeMinutes, 0, 1440);
        d.CheckRange($"{rollout}.growthPercent", settings.FeatureFlagRollout.GrowthPercent, 1, 100);
    }
}
