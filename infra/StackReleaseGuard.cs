using Infra.Components.Data;
using Infra.Components.Observability;
using Infra.Components.Release;
using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// The stack's release guard (<c>infra:releaseGuard.enabled</c>, on by default): it watches the primary region's
/// services with the alarms the runner watches for a rollout, each service's gate alarms of both colors and its
/// critical alarms, and pages the same critical topic.
/// </summary>
public static class StackReleaseGuard
{
    public static ReleaseGuard? DeclareIfEnabled(StackSettings settings, ServingTier primary, ReleaseLedger ledger, StackObservability observability,
        LogsKey logsKey)
    {
        if (!settings.ReleaseGuard.Enabled) return null;
        var alarms = observability.Alarms;
        return new ReleaseGuard("release-guard", new ReleaseGuardArgs
        {
            Settings = settings,
            Services = primary.Services.Select(s => GuardedService.For(s.Settings.Name, s.Traffic, Watched(alarms, s.Settings.Name))).ToList(),
            LedgerTableName = ledger.TableName,
            LedgerTableArn = ledger.TableArn,
            LedgerKeyArn = ledger.KeyArn,
            CriticalTopicArn = observability.Alerting.TopicArns[Severity.Critical],
            CriticalTopicKeyArn = observability.Alerting.TopicKeyArn,
            LogsKmsKeyArn = logsKey.Arn,
        });
    }

    private static List<WatchedAlarm> Watched(AlarmCatalog alarms, string service) =>
    [
        .. alarms.GateAlarmNames[service].Blue.Select(name => new WatchedAlarm(name, Color.Blue)),
        .. alarms.GateAlarmNames[service].Green.Select(name => new WatchedAlarm(name, Color.Green)),
        .. alarms.CriticalAlarmNames[service].Select(name => new WatchedAlarm(name, null)),
    ];
}
