using Infra.Components.Release;
using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// The stack's feature flags (<c>infra:featureFlags</c>; none declares nothing), monitored by the primary region's
/// critical composite alarm and readable by each service's task role for its own profile.
/// </summary>
public static class StackFeatureFlags
{
    public static FeatureFlags? DeclareIfAny(StackSettings settings, ServingTier primary, StackObservability observability)
    {
        if (settings.FeatureFlags.Count == 0) return null;
        var catalog = observability.Alarms;
        return new FeatureFlags("flags", new FeatureFlagsArgs
        {
            Settings = settings,
            MonitorAlarmArn = catalog.StackCriticalAlarmArn,
            TaskRoleNames = primary.Services.ToDictionary(s => s.Settings.Name, s => s.Compute.TaskRoleName),
        });
    }
}
