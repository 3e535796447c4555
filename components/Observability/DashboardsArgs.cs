using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>Arguments of <see cref="Dashboards"/>.</summary>
public sealed class DashboardsArgs
{
    public required StackSettings Settings { get; init; }

    /// <summary>The values of the graphed metrics' dimensions.</summary>
    public required MetricDimensions Dimensions { get; init; }

    /// <summary>
    /// Every catalog alarm's ARN by name: <see cref="AlarmCatalog.AlarmArns"/> of the primary catalog, merged with the DR
    /// catalog's when the stack has a replica.
    /// </summary>
    public required IReadOnlyDictionary<string, Output<string>> AlarmArns { get; init; }

    /// <summary>
    /// The services' composite "unhealthy" alarms' ARNs by name (<see cref="AlarmCatalog.CompositeAlarmArns"/> of every
    /// catalog), shown first: they are what notifies. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> CompositeAlarmArns { get; init; } = new Dictionary<string, Output<string>>();
}
