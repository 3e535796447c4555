using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// The DR region's database once promoted (failover, a drill or <c>dr.promote</c>): it takes the writes, so it is
/// watched as the primary is, with the same definitions and <c>infra:alarms</c> overrides (CPU, free storage,
/// connections), on its own metrics, in the DR region, named <c>&lt;project&gt;-&lt;stack&gt;-dr-db-…</c>. The
/// connection-error alarm comes with a pilot light: it counts what the DR region's services log, which needs their log
/// groups there; without one, the services stay in the primary region, whose alarm keeps counting. While the instance
/// is still a replica it has only its lag alarm (see <see cref="DatabaseAlarms"/>).
/// </summary>
public static class PromotedDatabaseAlarms
{
    /// <summary>Whether the stack has a promoted DR database to watch.</summary>
    public static bool Applies(StackSettings settings) => settings.Dr is { Replica: true, Promote: true } && settings.DrRegion is not null;

    /// <summary>The alarms and the log metrics they read; none unless <see cref="Applies"/>.</summary>
    public static AlarmSet For(StackSettings settings, Naming naming)
    {
        if (!Applies(settings)) return new AlarmSet([], []);
        var alarms = DatabaseAlarms.For(settings, PilotLightAlarms.NamingFor(naming), DefaultAlarms.ConnectionsThreshold(settings), DatabaseRole.Replica)
            .Where(alarm => settings.Dr.PilotLight || alarm.Key != AlarmKeys.DatabaseConnectionErrors)
            .Select(alarm => DefaultAlarms.WithOverride(alarm, settings.AlarmOverrides))
            .OfType<AlarmDefinition>()
            .Select(alarm => alarm with { Region = AlarmRegion.Dr })
            .ToList();
        return new AlarmSet(alarms, DefaultAlarms.LogMetricsFor(settings, alarms));
    }
}
