using Infra.Components.Conventions;
using Infra.Components.Data;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>
/// Alerting, the alarm catalog and the dashboard of a stack. The DR region has alarms of its own, next to their metrics
/// (an alarm can only read metrics of its region and notify topics of its region): the replica's lag (once promoted,
/// the DR database's alarms as the primary's) and, with a pilot light, the pilot light's services and load balancer,
/// from the same catalog; while promoted, the synthetic journeys' DR-region canaries and alarms.
/// </summary>
public sealed record StackObservability(AlarmCatalog Alarms, Dashboards Dashboards, Alerting Alerting)
{
    /// <summary>The DR region's topics, when the DR region alerts (null otherwise): the DR commands page its critical topic.</summary>
    public Alerting? DrAlerting { get; init; }

    /// <param name="logsKey">The primary region's log-group key; <paramref name="drLogsKey"/> the DR region's, if any.</param>
    public static StackObservability Declare(StackSettings settings, ServingTier primary, ServingTier? pilotLight, Database database,
        Pulumi.Aws.Provider? drProvider, LogsKey logsKey, LogsKey? drLogsKey)
    {
        var dimensions = DimensionsOf(primary, database);
        var alerting = new Alerting("alerting", new AlertingArgs { Settings = settings, LogsKmsKeyArn = logsKey.Arn });
        var alarms = new AlarmCatalog("alarms", new AlarmCatalogArgs
        {
            Settings = settings,
            Dimensions = dimensions,
            TopicArns = TopicArnsOf(alerting),
            ServiceLogGroupNames = LogGroupNamesOf(primary),
        });
        var alarmArns = new Dictionary<string, Output<string>>(alarms.AlarmArns);
        var compositeArns = new Dictionary<string, Output<string>>(alarms.CompositeAlarmArns);
        var lowAlarms = alarms.AlarmNamesBySeverity[Severity.Low];
        if (settings.Alerting.DigestsLow && lowAlarms.Count > 0 && alerting.Relay is { } relay)
        {
            new AlarmDigest("alarm-digest", new AlarmDigestArgs
            {
                Settings = settings,
                LowAlarmArns = lowAlarms.ToDictionary(n => n, n => alarms.AlarmArns[n]),
                WebhookSecretArn = relay.WebhookSecretArns[Severity.Low],
                HighTopicArn = alerting.TopicArns[Severity.High],
                LogsKmsKeyArn = logsKey.Arn,
            });
        }
        Alerting? drAlerting = null;
        if (drProvider is not null && (DatabaseAlarms.WatchesReplica(settings) || PromotedDatabaseAlarms.Applies(settings) || pilotLight is not null))
        {
            var drOptions = new ComponentResourceOptions { Provider = drProvider };
            ArgumentNullException.ThrowIfNull(drLogsKey);
            // The DR region alerts on its own: when the primary region is down, so are its topics and its relay, and that
            // is when the DR alarms matter. Its relay posts to the same Slack channel; e-mail addresses are subscribed
            // once, to the primary region's topics, so each confirms once (an outage of the primary silences e-mail,
            // not Slack); the pager and SMS are subscribed in both regions.
            drAlerting = new Alerting("alerting-dr", new AlertingArgs
            {
                Settings = settings,
                ChatbotConfigurationName = StackConventions.Naming(settings).Resource("alerts", settings.DrRegion!),
                SubscribeEmails = false,
                LogsKmsKeyArn = drLogsKey.Arn,
                DigestsLow = false,
            }, drOptions);
            var drAlarms = new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
            {
                Settings = settings,
                Dimensions = pilotLight is null ? dimensions : DimensionsOf(pilotLight, database),
                TopicArns = TopicArnsOf(drAlerting),
                ServiceLogGroupNames = LogGroupNamesOf(pilotLight),
                Region = AlarmRegion.Dr,
            }, ComponentResourceOptions.Merge(drOptions, null));
            foreach (var (alarm, arn) in drAlarms.AlarmArns) alarmArns[alarm] = arn;
            foreach (var (alarm, arn) in drAlarms.CompositeAlarmArns) compositeArns[alarm] = arn;
        }
        if (settings.Synthetics.Count > 0)
        {
            _ = new SyntheticJourneys("synthetics", new SyntheticJourneysArgs
            {
                Settings = settings,
                ServiceOrigins = JourneyOrigins.Primary(primary),
            });
        }
        // While promoted, the journeys run in the DR region too, against what users reach there; their alarms are the
        // DR catalog's above. A promotion needs a replica, so the DR provider exists.
        if (settings.Synthetics.Count > 0 && SyntheticsAlarms.RunInDr(settings) && drProvider is not null)
        {
            _ = new SyntheticJourneys("dr-synthetics", new SyntheticJourneysArgs
            {
                Settings = settings,
                ServiceOrigins = JourneyOrigins.AfterFailover(settings, primary, pilotLight),
                Region = AlarmRegion.Dr,
            }, new ComponentResourceOptions { Provider = drProvider });
        }
        var dashboards = new Dashboards("dashboards", new DashboardsArgs
        {
            Settings = settings,
            Dimensions = dimensions,
            AlarmArns = alarmArns,
            CompositeAlarmArns = compositeArns,
        });
        return new StackObservability(alarms, dashboards, alerting) { DrAlerting = drAlerting };
    }

    // The replica is the database of the DR region; only its lag alarm reads it, in either tier's dimensions.
    private static MetricDimensions DimensionsOf(ServingTier tier, Database database) => new()
    {
        LoadBalancerArnSuffix = tier.Alb.ArnSuffix,
        TargetGroupArnSuffixes = tier.Services.ToDictionary(s => s.Settings.Name, s => new ColorPair<Input<string>>(
            s.Traffic.TargetGroups.Blue.ArnSuffix, s.Traffic.TargetGroups.Green.ArnSuffix)),
        ClusterName = tier.Cluster.Name,
        EcsServiceNames = tier.Services.ToDictionary(s => s.Settings.Name, s => new ColorPair<Input<string>>(
            s.Compute.ServiceNames.Blue, s.Compute.ServiceNames.Green)),
        PrimaryDbInstanceId = database.PrimaryIdentifier,
        ReplicaDbInstanceId = database.ReplicaIdentifier.Apply(id => id ?? ""),
    };

    private static Dictionary<string, Input<string>> LogGroupNamesOf(ServingTier? tier) =>
        tier?.Services.ToDictionary(s => s.Settings.Name, s => (Input<string>)s.Compute.LogGroupName) ?? [];

    private static Dictionary<Severity, Input<string>> TopicArnsOf(Alerting alerting) =>
        alerting.TopicArns.ToDictionary(p => p.Key, p => (Input<string>)p.Value);
}
