using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Infra.Tests.Support;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

/// <summary>The DR database once promoted: watched as the primary is, on its own metrics, in the DR region.</summary>
public sealed class PromotedDatabaseAlarmsTests
{
    private const string AlarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string FilterType = "aws:cloudwatch/logMetricFilter:LogMetricFilter";

    private static readonly StackSettings Promoted = Production with { Dr = Production.Dr with { Promote = true } };

    private static IReadOnlyList<AlarmDefinition> DrAlarms(StackSettings settings) => PromotedDatabaseAlarms.For(settings, Naming(settings)).Alarms;

    [Fact]
    public void Promoted_the_dr_database_gets_the_primarys_database_alarms_on_its_own_metrics_in_the_dr_region()
    {
        var primary = Catalog(Production).Alarms.Where(a => a.Key.StartsWith("database", StringComparison.Ordinal) && a.Key != AlarmKeys.DatabaseReplicaLag).ToList();

        var dr = DrAlarms(Promoted);

        Assert.Equal(
            ["infra-production-dr-db-cpu-high", "infra-production-dr-db-free-storage-low", "infra-production-dr-db-connections-high", "infra-production-dr-db-connection-errors"],
            dr.Select(a => a.Name));
        Assert.All(dr, a => Assert.Equal(AlarmRegion.Dr, a.Region));
        // Same definitions: thresholds, periods, severities and descriptions.
        Assert.Equal(primary.Select(a => (a.Key, a.Threshold, a.EvaluationPeriods, a.PeriodSeconds, a.Severity, a.Description)),
            dr.Select(a => (a.Key, a.Threshold, a.EvaluationPeriods, a.PeriodSeconds, a.Severity, a.Description)));
        // The instance metrics are the DR instance's; the connection-error count has no dimension.
        var cpu = ((SingleMetric)dr[0].Signal).Metric;
        Assert.Equal(("AWS/RDS", "CPUUtilization", new DbInstanceRef(DatabaseRole.Replica)), (cpu.Namespace, cpu.MetricName, cpu.Dimensions.Single().Value));
        Assert.Equal(new DbInstanceRef(DatabaseRole.Replica), ((MetricMath)dr[1].Signal).Inputs.Single().Metric.Dimensions.Single().Value);
    }

    [Fact]
    public void The_stacks_overrides_apply_as_they_do_to_the_primarys()
    {
        var settings = Promoted.WithOverride(AlarmKeys.DatabaseConnectionsHigh, Override(threshold: 500, severity: Severity.High));

        var connections = DrAlarms(settings).Single(a => a.Key == AlarmKeys.DatabaseConnectionsHigh);

        Assert.Equal((500.0, Severity.High), (connections.Threshold, connections.Severity));
        Assert.DoesNotContain(DrAlarms(Promoted.WithOverride(AlarmKeys.DatabaseCpuHigh, Override(enabled: false))), a => a.Key == AlarmKeys.DatabaseCpuHigh);
    }

    [Fact]
    public void A_replica_has_none_of_them_and_without_a_pilot_light_the_connection_errors_stay_with_the_primary_regions_services()
    {
        Assert.Empty(DrAlarms(Production));
        Assert.Empty(PromotedDatabaseAlarms.For(Production, Naming(Production)).LogMetrics);

        var noPilotLight = Promoted with { Dr = Promoted.Dr with { PilotLight = false } };
        var set = PromotedDatabaseAlarms.For(noPilotLight, Naming(noPilotLight));

        Assert.Equal(["infra-production-dr-db-cpu-high", "infra-production-dr-db-free-storage-low", "infra-production-dr-db-connections-high"], set.Alarms.Select(a => a.Name));
        Assert.Empty(set.LogMetrics);
    }

    [Fact]
    public async Task The_dr_catalog_declares_them_on_the_dr_topics_with_the_dr_services_log_filters_and_no_replica_lag()
    {
        var topics = Enum.GetValues<Severity>().ToDictionary(s => s, s => (Pulumi.Input<string>)$"arn:aws:sns:eu-central-1:123456789012:dr-{s.ToConfigName()}");
        var plan = await ComponentPlan.RunAsync(() => new AlarmCatalog("alarms-dr", new AlarmCatalogArgs
        {
            Settings = Promoted,
            TopicArns = topics,
            Dimensions = Dimensions(Promoted),
            ServiceLogGroupNames = Promoted.Services.ToDictionary(s => s.Name, s => (Pulumi.Input<string>)$"/ecs/dr-{s.Name}"),
            Region = AlarmRegion.Dr,
        }));

        var cpu = plan.Inputs(AlarmType, "alarms-dr-dr-db-cpu-high");
        Assert.Equal(("infra-production-dr-db-cpu-high", "db-replica"), ((string)cpu["name"]!, (string)cpu["dimensions"]!["DBInstanceIdentifier"]!));
        Assert.Equal(["arn:aws:sns:eu-central-1:123456789012:dr-medium"], Strings(cpu["alarmActions"]));
        var errors = plan.Inputs(AlarmType, "alarms-dr-dr-db-connection-errors");
        Assert.Equal(["arn:aws:sns:eu-central-1:123456789012:dr-critical"], Strings(errors["alarmActions"]));
        Assert.Equal(["/ecs/dr-api", "/ecs/dr-web"], plan.OfType(FilterType).Select(f => (string)f["inputs"]!["logGroupName"]!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.OfType(AlarmType), a => ((string)a["inputs"]!["name"]!).EndsWith("replica-lag", StringComparison.Ordinal));
    }

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => (string)n!).ToArray() ?? [];
}
