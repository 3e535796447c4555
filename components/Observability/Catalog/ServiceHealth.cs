using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// A service's composite "unhealthy" alarm: in ALARM while any of its error, latency or host alarms is. It is what
/// notifies, so an incident that trips five of them sends one message; the members keep their state (the runner and
/// the release guard watch them) and notify on their own only when <c>infra:alarms.&lt;key&gt;.notify</c> says so.
/// </summary>
/// <param name="Name">The CloudWatch alarm name, <c>&lt;prefix&gt;-&lt;service&gt;-unhealthy</c>.</param>
/// <param name="Severity">The most severe member's: the composite notifies that topic.</param>
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

    /// <summary>One per service that has member alarms among <paramref name="alarms"/> (which are one region's).</summary>
    public static IReadOnlyList<ServiceHealth> For(IEnumerable<AlarmDefinition> alarms, Naming naming) =>
        alarms.Where(a => a.Service is not null && MemberKeys.Contains(a.Key))
            .GroupBy(a => a.Service!, StringComparer.Ordinal)
            .Select(g => new ServiceHealth(
                g.Key,
                naming.AlarmName(g.Key, null, "unhealthy"),
                g.Min(a => a.Severity),
                g.Select(a => a.Name).ToList(),
                $"{g.Key}: unhealthy, one of its error, latency or host alarms is in ALARM. The alarm history says which; " +
                "its graphs are on the dashboard."))
            .ToList();
}
