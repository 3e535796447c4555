using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// The pilot light's alarms: the catalog's service and load-balancer alarms with the stack's <c>infra:alarms</c>
/// overrides, once more for the DR region's services and load balancer. They live in the DR region, next to those
/// metrics, and are named <c>&lt;project&gt;-&lt;stack&gt;-dr-…</c> so they never share a name with the primary's.
/// </summary>
public static class PilotLightAlarms
{
    /// <summary>The naming of the DR region's alarms: the stack part becomes <c>&lt;stack&gt;-dr</c>.</summary>
    public static Naming NamingFor(Naming naming) => naming with { Stack = $"{naming.Stack}-dr" };

    /// <summary>None without a pilot light.</summary>
    public static IEnumerable<AlarmDefinition> For(StackSettings settings, Naming naming)
    {
        if (!settings.Dr.PilotLight) return [];
        var dr = NamingFor(naming);
        return settings.Services.SelectMany(s => ServiceAlarms.For(s, dr))
            .Concat(LoadBalancerAlarms.For(dr))
            .Select(alarm => DefaultAlarms.WithOverride(alarm, settings.AlarmOverrides))
            .OfType<AlarmDefinition>()
            .Select(alarm => alarm with { Region = AlarmRegion.Dr });
    }
}
