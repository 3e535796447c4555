using Infra.Components.Conventions;
using Infra.Components.Data;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// Alerting, the alarm catalog and the dashboard of a stack. The replica-lag alarm lives in the DR region, where its
/// metric is, with topics of its own there (an alarm can only notify topics of its region).
/// </summary>
public sealed record StackObservability(AlarmCatalog Alarms, Dashboards Dashboards, Alerting Alerting)
{
    public static StackObservability Declare(StackSettings settings, ServingTier primary, Database database, Pulumi.Aws.Provider? drProvider)
    {
        var dimensions = new MetricDimensions
        {
            LoadBalancerArnSuffix = primary.Alb.ArnSuffix,
            TargetGroupArnSuffixes = primary.Services.ToDictionary(s => s.Settings.Name, s => new ColorPair<Input<string>>(
                s.Traffic.TargetGroups.Blue.ArnSuffix, s.Traffic.TargetGroups.Green.ArnSuffix)),
            ClusterName = primary.Cluster.Name,
            EcsServiceNames = primary.Services.ToDictionary(s => s.Settings.Name, s => new ColorPair<Input<string>>(
                s.Compute.ServiceNames.Blue, s.Compute.ServiceNames.Green)),
            PrimaryDbInstanceId = database.PrimaryIdentifier,
            ReplicaDbInstanceId = database.ReplicaIdentifier.Apply(id => id ?? ""),
        };
        var alerting = new Alerting("alerting", new AlertingArgs { Settings = settings });
        var alarms = new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = settings,
            Dimensions = dimensions,
            TopicArns = TopicArnsOf(alerting),
            ServiceLogGroupNames = primary.Services.ToDictionary(s => s.Settings.Name, s => (Input<string>)s.Compute.LogGroupName),
        });
        var alarmArns = new Dictionary<string, Output<string>>(alarms.AlarmArns);
        if (drProvider is not null && settings.Dr is { Replica: true, Promote: false })
        {
            var drOptions = new ComponentResourceOptions { Provider = drProvider };
            var drAlerting = new Alerting("alerting-dr", new AlertingArgs
            {
                Settings = settings,
                ChatbotConfigurationName = StackConventions.Naming(settings).Resource("alerts", settings.DrRegion!),
            }, drOptions);
            var drAlarms = new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
            {
                Settings = settings,
                Dimensions = dimensions,
                TopicArns = TopicArnsOf(drAlerting),
                Region = AlarmRegion.Dr,
            }, ComponentResourceOptions.Merge(drOptions, null));
            foreach (var (alarm, arn) in drAlarms.AlarmArns) alarmArns[alarm] = arn;
        }
        var dashboards = new Dashboards("dashboards", new DashboardsArgs
        {
            Settings = settings,
            Dimensions = dimensions,
            AlarmArns = alarmArns,
        });
        return new StackObservability(alarms, dashboards, alerting);
    }

    private static Dictionary<Severity, Input<string>> TopicArnsOf(Alerting alerting) =>
        alerting.TopicArns.ToDictionary(p => p.Key, p => (Input<string>)p.Value);
}
