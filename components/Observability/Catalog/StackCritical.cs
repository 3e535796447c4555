using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// The stack's one "critical" composite alarm, <c>&lt;prefix&gt;-critical</c>: in ALARM while any critical alarm of the
/// primary region is. It is what AppConfig watches while it deploys feature flags (<c>FeatureFlags</c>), because an
/// environment takes at most 5 monitors (AppConfig API, <c>CreateEnvironment</c>: "Monitors … Maximum number of 5
/// items") and a stack has one critical alarm per service and more. It notifies nobody: its members and the services'
/// composites already do.
/// </summary>
/// <param name="Children">
/// What the rule names: each service's critical "unhealthy" composite (<see cref="ServiceHealth"/>) in place of its
/// members, then every other critical alarm (stack-wide ones such as the database's), so a stack of many services stays
/// far below CloudWatch's 100 children per rule.
/// </param>
public sealed record StackCritical(string Name, IReadOnlyList<string> Children, string Description)
{
    /// <summary>CloudWatch's limit on the alarms one composite rule names (<c>PutCompositeAlarm</c>, <c>AlarmRule</c>).</summary>
    public const int MaxChildren = 100;

    /// <summary>CloudWatch's rule: <c>ALARM("a") OR ALARM("b") …</c>.</summary>
    public string Rule => string.Join(" OR ", Children.Select(c => $"ALARM(\"{c}\")"));

    /// <summary>None when the region has no critical alarm (all lowered or disabled through <c>infra:alarms</c>).</summary>
    public static StackCritical? For(IReadOnlyList<AlarmDefinition> alarms, IReadOnlyList<ServiceHealth> health, Naming naming)
    {
        var composites = health.Where(h => h.Severity == Severity.Critical).ToList();
        var inComposites = composites.SelectMany(h => h.Members).ToHashSet(StringComparer.Ordinal);
        var children = composites.Select(h => h.Name)
            .Concat(alarms.Where(a => a.Severity == Severity.Critical && !inComposites.Contains(a.Name)).Select(a => a.Name))
            .ToList();
        if (children.Count == 0) return null;
        if (children.Count > MaxChildren)
            throw new InvalidOperationException(
                $"the stack's critical composite alarm would name {children.Count} alarms and CloudWatch allows {MaxChildren}; " +
                "lower some with infra:alarms.<key>.severity");
        return new StackCritical(naming.AlarmName(null, null, "critical"), children,
            "The stack: one of its critical alarms is in ALARM (the alarm history says which). AppConfig watches this alarm " +
            "while it deploys feature flags and rolls a deployment back when it fires; it notifies nobody itself.");
    }
}
