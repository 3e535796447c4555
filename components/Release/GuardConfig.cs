using System.Text.Json.Nodes;
using Infra.Components.Traffic;
using Infra.Stacks.Settings;

namespace Infra.Components.Release;

/// <summary>One service as the guard sees it, with plain values (resolved ARNs).</summary>
/// <param name="Route">The ARN of the listener or rule whose forward action carries the service's weights.</param>
/// <param name="TargetGroupArns">Both colors' target groups, listed blue first in the forward action the guard writes.</param>
/// <param name="Alarms">Every gate and critical alarm the runner watches for this service.</param>
public sealed record GuardedRoute(string Service, TrafficRouteKind Kind, string Route, ColorPair<string> TargetGroupArns, IReadOnlyList<WatchedAlarm> Alarms);

/// <summary>An alarm the guard acts on for a service.</summary>
/// <param name="GateOf">
/// The color whose gate alarm it is, or null for a critical alarm of the service. A gate alarm matters only while its
/// color is the one a rollout moves traffic to: moving everything back onto an alarming live color would be wrong.
/// </param>
public sealed record WatchedAlarm(string Name, Color? GateOf);

/// <summary>
/// The guard's whole configuration (contract B), an item of the ledger (<see cref="GuardConfigItem"/>): the stack, its
/// ledger table, the critical topic, per service its route and target groups, and every watched alarm mapped to the
/// services (and, for a gate alarm, the color) watching it.
/// </summary>
public sealed record GuardConfig(string Stack, string LedgerTable, string CriticalTopicArn, IReadOnlyList<GuardedRoute> Services)
{
    /// <summary>
    /// Alarm name → who watches it, in stack-file order: a service and, for a gate alarm, its color. A stack-wide alarm
    /// (the database's connection errors) is watched for every service, so it moves back whichever of them the rollout
    /// in progress moves.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Service, Color? GateOf)>> AlarmWatchers() =>
        Services
            .SelectMany(service => service.Alarms.Select(alarm => (alarm.Name, Watcher: (service.Service, alarm.GateOf))))
            .GroupBy(pair => pair.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key,
                group => (IReadOnlyList<(string, Color?)>)group.Select(pair => pair.Watcher).Distinct().ToList(), StringComparer.Ordinal);

    /// <summary>Compact JSON, keys in the contract's order, services in stack-file order, alarms sorted by name.</summary>
    public string ToJson()
    {
        var services = new JsonObject();
        foreach (var service in Services)
        {
            services[service.Service] = new JsonObject
            {
                ["kind"] = service.Kind.ToOutputName(),
                ["arn"] = service.Route,
                ["targetGroups"] = new JsonObject
                {
                    ["blue"] = service.TargetGroupArns.Blue,
                    ["green"] = service.TargetGroupArns.Green,
                },
            };
        }
        var alarms = new JsonObject();
        foreach (var (alarm, watchers) in AlarmWatchers().OrderBy(p => p.Key, StringComparer.Ordinal))
            alarms[alarm] = new JsonArray(watchers.Select(Watcher).ToArray());
        return new JsonObject
        {
            ["stack"] = Stack,
            ["ledgerTable"] = LedgerTable,
            ["criticalTopicArn"] = CriticalTopicArn,
            ["services"] = services,
            ["alarms"] = alarms,
        }.ToJsonString();
    }

    private static JsonNode Watcher((string Service, Color? GateOf) watcher) => watcher.GateOf is { } color
        ? new JsonObject { ["service"] = watcher.Service, ["color"] = color.ToConfigName() }
        : new JsonObject { ["service"] = watcher.Service };
}
