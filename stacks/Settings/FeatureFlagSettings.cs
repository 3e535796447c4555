namespace Infra.Stacks.Settings;

/// <summary>
/// One entry of <c>infra:featureFlags</c>: a flag of the services' AppConfig feature-flag profiles, released through an
/// AppConfig deployment that rolls back when one of the stack's critical alarms fires.
/// </summary>
/// <param name="Name">The AppConfig flag key: a lowercase letter, then up to 63 letters, digits, <c>_</c> or <c>-</c>.</param>
/// <param name="Enabled">The flag's on/off value.</param>
/// <param name="Services">Whose profiles carry the flag. Default: every service.</param>
/// <param name="Percentage">
/// The <c>percentage</c> attribute, 0 to 100: the share of users the application turns the feature on for (README,
/// "Feature flags"). Default: none.
/// </param>
/// <param name="UserGroups">The <c>userGroups</c> attribute: groups that always get the feature. Default: none.</param>
public sealed record FeatureFlagSettings(
    string Name,
    bool Enabled,
    ValueList<string> Services,
    double? Percentage,
    ValueList<string>? UserGroups);

/// <summary>
/// <c>infra:featureFlagRollout</c>: how AppConfig rolls a flag change out (<c>linear</c>: the same share every interval;
/// <c>canary</c>: exponential, a small share first) and how long it then watches the alarms before the change is final.
/// </summary>
/// <param name="Strategy">Default linear.</param>
/// <param name="DurationMinutes">The whole rollout. Default 10 (production), 0 (staging).</param>
/// <param name="BakeMinutes">Watching after the last step; an alarm then still rolls back. Default 10 (production), 0 (staging).</param>
/// <param name="GrowthPercent">The share added each interval (linear) or the first share (canary). Default 20.</param>
public sealed record FeatureFlagRolloutSettings(FlagRolloutStrategy Strategy, int DurationMinutes, int BakeMinutes, double GrowthPercent);

public enum FlagRolloutStrategy { Linear, Canary }
