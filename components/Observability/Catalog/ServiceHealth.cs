using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// A service's composite "unhealthy" alarm of one severity: in ALARM while any of its error, latency or host alarms of
/// that severity is. It is what notifies, so an incident that trips five of them sends one message; the members keep
/// their state (the runner and the release guard watch them) and notify on their own only when
/// <c>infra:alarms.&lt;key&gt;.notify</c> says so. One per severity, not one for all: a high alarm (a new color's gate,
/// which a rollout already rolls back) must not reach the critical topic's pager.
/// </summary>
/// <param name="Name">The CloudWatch alarm name, <c>&lt;prefix&gt;-&lt;service&gt;-unhealthy-&lt;severity&gt;</c>.</param>
/// <param name="Severity">Its members' severity: the composite notifies that topic.</param>
/// <param name="Members">The member alarm names, in catalog order.</param>
public sealed record ServiceHealth(string Service, string Name, Severity Severity, IReadOnlyList<string> Members, string Description)
{
    /// <summary>The keys of a service's error, latency and host alarms, for the service as a whole and per color.</summary>
    public static IReadOnlySet<string> MemberKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        AlarmKeys.TargetErrorRate, AlarmKeys.ColorErrorRate,
        AlarmKeys.TargetResponseTimeP95, AlarmKeys.TargetResponseTimeP99, AlarmKeys.ColorResponseTimeP99,
        AlarmKeys.EcsRunningTasksLow, AlarmKeys.ColorUnhealthyHosts,
    };

    /// <summary>Whether an alarm of this key notifies on its own unless the stack says otherwise.</summary>
    public static bool NotifiesByDefault(string key) => !MemberKeys.Contains(key);

    /// <summary>CloudWatch's rule: <c>ALARM("a") OR ALARM("b") …</c>.</summary>
    public string Rule => string.Join(" OR ", Members.Select(m => $"ALARM(\"{m}\")"));

    /// <summary>One per service and severity of its member alarms among <paramref name="alarms"/> (which are one region's).</summary>
    public static IReadOnlyList<ServiceHealth> For(IEnumerable<AlarmDefinition> alarms, Naming naming) =>
        alarms.Where(a => a.Service is not null && MemberKeys.Contains(a.Key))
            .GroupBy(a => (Service: a.Service!, a.Severity))
            .Select(g => new ServiceHealth(
                g.Key.Service,
                naming.AlarmName(g.Key.Service, null, $"unhealthy-{g.Key.Severity.ToConfigName()}"),
                g.Key.Severity,
                g.Select(a => a.Name).ToList(),
                $"{g.Key.Service}: unhealthy ({g.Key.Severity.ToConfigName()}), one of its {g.Key.Severity.ToConfigName()} error, latency or " +
                "host alarms is in ALARM. The alarm history says which; its graphs are on the dashboard."))
            .ToList();
}
