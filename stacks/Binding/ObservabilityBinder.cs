using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:synthetics</c>, <c>infra:featureFlags</c>, <c>infra:featureFlagRollout</c> and the load balancer's access logs.</summary>
public static class ObservabilityBinder
{
    public static ValueList<SyntheticJourneySettings> BindSynthetics(IReadOnlyList<MapReader>? journeys, StackDefaults defaults) =>
        (journeys ?? []).Select(journey =>
        {
            var expectStatus = journey.Int("expectStatus") ?? defaults.JourneyExpectStatus;
            var steps = (journey.MapList("steps") ?? []).Select(step =>
            {
                var bound = new JourneyStep(step.String("path") ?? "", step.Int("expectStatus") ?? expectStatus);
                step.ReportUnknownKeys();
                return bound;
            }).ToValueList();
            var settings = new SyntheticJourneySettings(
                Name: journey.String("name") ?? "",
                Url: journey.String("url"),
                Service: journey.String("service"),
                Path: journey.String("path"),
                Every: journey.String("every") ?? defaults.JourneyEvery,
                ExpectStatus: expectStatus,
                Steps: steps,
                Gate: journey.Bool("gate") ?? false);
            journey.ReportUnknownKeys();
            return settings;
        }).ToValueList();

    public static ValueList<FeatureFlagSettings> BindFeatureFlags(IReadOnlyList<MapReader>? flags) =>
        (flags ?? []).Select(flag =>
        {
            var attributes = flag.Map("attributes");
            var settings = new FeatureFlagSettings(
                Name: flag.String("name") ?? "",
                Enabled: flag.Bool("enabled") ?? false,
                Services: flag.StringList("services") ?? ValueList<string>.Empty,
                Percentage: attributes.Double("percentage"),
                UserGroups: attributes.StringList("userGroups"));
            attributes.ReportUnknownKeys();
            flag.ReportUnknownKeys();
            return settings;
        }).ToValueList();

    public static FeatureFlagRolloutSettings BindFlagRollout(MapReader rollout, StackDefaults defaults)
    {
        var settings = new FeatureFlagRolloutSettings(
            Strategy: rollout.Enum<FlagRolloutStrategy>("strategy") ?? FlagRolloutStrategy.Linear,
            DurationMinutes: rollout.Int("durationMinutes") ?? defaults.FlagRolloutMinutes,
            BakeMinutes: rollout.Int("bakeMinutes") ?? defaults.FlagBakeMinutes,
            GrowthPercent: rollout.Double("growthPercent") ?? defaults.FlagGrowthPercent);
        rollout.ReportUnknownKeys();
        return settings;
    }

    public static AccessLogSettings BindAccessLogs(MapReader accessLogs, StackDefaults defaults)
    {
        var settings = new AccessLogSettings(
            Enabled: accessLogs.Bool("enabled") ?? defaults.AccessLogs,
            RetentionDays: accessLogs.Int("retentionDays") ?? defaults.AccessLogRetentionDays);
        accessLogs.ReportUnknownKeys();
        return settings;
    }
}
