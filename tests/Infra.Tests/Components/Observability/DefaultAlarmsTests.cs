using System.Text.RegularExpressions;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class DefaultAlarmsTests
{
    private static readonly IReadOnlyList<AlarmDefinition> ProductionAlarms = Catalog(Production).Alarms;

    [Fact]
    public void Catalog_keys_are_exactly_the_known_override_keys()
    {
        var keys = ProductionAlarms.Select(a => a.Key).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(AlarmKeys.Known.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Every_service_has_every_gate_alarm_for_both_colors()
    {
        string[] gateKeys = [AlarmKeys.ColorErrorRate, AlarmKeys.ColorResponseTimeP99, AlarmKeys.ColorUnhealthyHosts];
        foreach (var service in Production.Services)
        {
            foreach (var color in Enum.GetValues<Color>())
            {
                var gates = ProductionAlarms.Where(a => a.GatesRollout && a.Service == service.Name && a.Color == color);
                Assert.Equal(gateKeys.Order(StringComparer.Ordinal), gates.Select(a => a.Key).Order(StringComparer.Ordinal));
            }
        }
        // Only a synthetic journey gates without a color: it watches whatever color a rollout moves traffic to.
        Assert.All(ProductionAlarms.Where(a => a.GatesRollout && a.Color is null), a => Assert.Equal(AlarmKeys.SyntheticSuccessPercent, a.Key));
    }

    [Fact]
    public void Alarm_names_are_unique_deterministic_and_within_cloudwatch_limit()
    {
        Assert.Equal(ProductionAlarms.Count, ProductionAlarms.Select(a => a.Name).Distinct().Count());
        Assert.All(ProductionAlarms, a => Assert.InRange(a.Name.Length, 1, 255));
        Assert.Contains("infra-production-web-blue-error-rate", ProductionAlarms.Select(a => a.Name));
        Assert.Contains("infra-production-api-p95-latency", ProductionAlarms.Select(a => a.Name));
        Assert.Contains("infra-production-db-connection-errors", ProductionAlarms.Select(a => a.Name));
        Assert.Contains("infra-production-alb-elb-5xx", ProductionAlarms.Select(a => a.Name));
    }

    [Fact]
    public void Metric_math_ids_are_valid_unique_and_used_by_the_expression()
    {
        var idShape = new Regex("^[a-z][a-zA-Z0-9_]*$");
        foreach (var math in ProductionAlarms.Select(a => a.Signal).OfType<MetricMath>())
        {
            Assert.All(math.Ids, id => Assert.Matches(idShape, id));
            Assert.Equal(math.Ids.Count(), math.Ids.Distinct().Count());
            Assert.All(math.Inputs, i => Assert.Matches($@"\b{i.Id}\b", math.Expression));
        }
    }

    [Fact]
    public void Service_defaults_follow_the_issue()
    {
        var errorRate = Single("infra-staging-web-error-rate", Staging);
        Assert.Equal((10.0, 60, 2, Severity.Critical, Comparison.GreaterThanThreshold),
            (errorRate.Threshold, errorRate.PeriodSeconds, errorRate.EvaluationPeriods, errorRate.Severity, errorRate.Comparison));
        var math = Assert.IsType<MetricMath>(errorRate.Signal);
        Assert.Equal("100 * (FILL(errors_blue, 0) + FILL(errors_green, 0)) / (FILL(requests_blue, 0) + FILL(requests_green, 0))", math.Expression);

        var p95 = Single("infra-staging-web-p95-latency", Staging);
        Assert.Equal((5.0, 5, Severity.High), (p95.Threshold, p95.EvaluationPeriods, p95.Severity));

        // web's baseline is 250 ms in production: the p99 alarms fire at 0.5 s, over 10 minutes for the service.
        var p99 = Single("infra-production-web-p99-latency", Production);
        Assert.Equal((0.5, 10, Severity.High), (p99.Threshold, p99.EvaluationPeriods, p99.Severity));
        var gateP99 = Single("infra-production-web-green-p99-latency", Production);
        Assert.Equal(new MetricStat("AWS/ApplicationELB", "TargetResponseTime",
            ValueList.Of(new Dimension("TargetGroup", new TargetGroupRef("web", Color.Green)), new Dimension("LoadBalancer", new LoadBalancerRef())), "p99"),
            Assert.IsType<SingleMetric>(gateP99.Signal).Metric);
        Assert.Equal(0.5, gateP99.Threshold);

        var memory = Single("infra-staging-web-memory-high", Staging);
        Assert.Equal((80.0, Severity.Medium, "MAX([memory_blue, memory_green])"),
            (memory.Threshold, memory.Severity, ((MetricMath)memory.Signal).Expression));
        var cpu = Single("infra-staging-web-cpu-high", Staging);
        Assert.Equal((80.0, 10, Severity.Medium), (cpu.Threshold, cpu.EvaluationPeriods, cpu.Severity));
        Assert.Equal(Severity.High, Single("infra-staging-web-running-tasks-low", Staging).Severity);

        var unhealthy = Single("infra-staging-web-blue-unhealthy-hosts", Staging);
        Assert.Equal((0.0, 2, true, "Maximum"),
            (unhealthy.Threshold, unhealthy.EvaluationPeriods, unhealthy.GatesRollout, ((SingleMetric)unhealthy.Signal).Metric.Stat));
    }

    [Fact]
    public void Database_and_load_balancer_defaults_follow_the_issue()
    {
        Assert.Equal((80.0, Severity.Medium), Pick(Single("infra-production-db-cpu-high", Production)));
        var storage = Single("infra-production-db-free-storage-low", Production);
        Assert.Equal((10.0, Severity.High, Comparison.LessThanThreshold), (storage.Threshold, storage.Severity, storage.Comparison));
        Assert.Equal("100 * free / 107374182400", ((MetricMath)storage.Signal).Expression);
        // db.r6g.large: 16 GiB / 9531392 = 1802 connections; the alarm fires at 80%.
        Assert.Equal((1441.0, Severity.Medium), Pick(Single("infra-production-db-connections-high", Production)));
        var lag = Single("infra-production-db-replica-lag", Production);
        Assert.Equal((300.0, Severity.High, AlarmRegion.Dr), (lag.Threshold, lag.Severity, lag.Region));
        var errors = Single("infra-production-db-connection-errors", Production);
        Assert.Equal((0.0, Severity.Critical, "Infra/production"), (errors.Threshold, errors.Severity, ((SingleMetric)errors.Signal).Metric.Namespace));
        Assert.Equal(Severity.High, Single("infra-production-alb-rejected-connections", Production).Severity);
        Assert.Equal(Severity.High, Single("infra-production-alb-elb-5xx", Production).Severity);
        Assert.All(ProductionAlarms.Where(a => a.Key != AlarmKeys.DatabaseReplicaLag), a => Assert.Equal(AlarmRegion.Primary, a.Region));
    }

    [Fact]
    public void Connection_errors_count_the_default_postgres_failures_in_every_service_log()
    {
        var logMetric = Assert.Single(Catalog(Production).LogMetrics);

        Assert.Equal(new LogMetricDefinition(AlarmKeys.DatabaseConnectionErrors,
            "?\"could not connect\" ?\"connection refused\" ?\"too many connections\" ?\"password authentication failed\"",
            "Infra/production", "DatabaseConnectionErrors"), logMetric);
    }

    [Fact]
    public void Replica_lag_is_watched_only_for_a_replica_that_is_not_promoted()
    {
        Assert.DoesNotContain(Catalog(Staging).Alarms, a => a.Key == AlarmKeys.DatabaseReplicaLag);
        var promoted = Production with { Dr = Production.Dr with { Promote = true } };
        Assert.DoesNotContain(Catalog(promoted).Alarms, a => a.Key == AlarmKeys.DatabaseReplicaLag);
    }

    [Fact]
    public void Stack_file_override_changes_the_threshold_and_periods_of_every_alarm_with_that_key()
    {
        // Pulumi.production.yaml: targetErrorRate threshold 5, evaluationPeriods 3.
        var changed = ProductionAlarms.Where(a => a.Key == AlarmKeys.TargetErrorRate).ToList();

        Assert.Equal(2, changed.Count);
        Assert.All(changed, a => Assert.Equal((5.0, 3, 2), (a.Threshold, a.EvaluationPeriods, a.DatapointsToAlarm)));
        Assert.All(ProductionAlarms.Where(a => a.Key == AlarmKeys.ColorErrorRate), a => Assert.Equal(10.0, a.Threshold));
    }

    [Fact]
    public void Override_changes_period_datapoints_and_severity()
    {
        var settings = Staging.WithOverride(AlarmKeys.ColorUnhealthyHosts,
            Override(evaluationPeriods: 5, datapointsToAlarm: 3, periodSeconds: 30, severity: Severity.Critical));

        Assert.All(Catalog(settings).Alarms.Where(a => a.Key == AlarmKeys.ColorUnhealthyHosts),
            a => Assert.Equal((5, 3, 30, Severity.Critical, 0.0), (a.EvaluationPeriods, a.DatapointsToAlarm, a.PeriodSeconds, a.Severity, a.Threshold)));
    }

    [Fact]
    public void Fewer_evaluation_periods_than_the_default_datapoints_lower_the_datapoints()
    {
        var settings = Staging.WithOverride(AlarmKeys.EcsCpuHigh, Override(evaluationPeriods: 4));

        var cpu = Single("infra-staging-web-cpu-high", settings);
        Assert.Equal((4, 4), (cpu.EvaluationPeriods, cpu.DatapointsToAlarm));
    }

    [Fact]
    public void Disabled_override_leaves_the_alarms_out()
    {
        var settings = Staging.WithOverride(AlarmKeys.ColorResponseTimeP99, Override(enabled: false));

        Assert.DoesNotContain(Catalog(settings).Alarms, a => a.Key == AlarmKeys.ColorResponseTimeP99);
        // One per color of each of staging's two services.
        Assert.Equal(Catalog(Staging).Alarms.Count - 4, Catalog(settings).Alarms.Count);
    }

    [Fact]
    public void Disabling_connection_errors_drops_its_log_metric()
    {
        var settings = Staging.WithOverride(AlarmKeys.DatabaseConnectionErrors, Override(enabled: false));

        Assert.Empty(Catalog(settings).LogMetrics);
    }

    [Fact]
    public void Log_pattern_override_replaces_the_default_pattern()
    {
        var settings = Staging.WithOverride(AlarmKeys.DatabaseConnectionErrors, Override(logPattern: "\"ECONNREFUSED\""));

        Assert.Equal("\"ECONNREFUSED\"", Assert.Single(Catalog(settings).LogMetrics).Pattern);
    }

    [Fact]
    public void Unknown_instance_class_needs_a_connections_threshold()
    {
        var unknown = Staging with { Database = Staging.Database with { InstanceClass = "db.custom.huge" } };

        var error = Assert.Throws<ArgumentException>(() => Catalog(unknown));
        Assert.Equal("the connection limit of database instance class 'db.custom.huge' is not known; set " +
                     "infra:alarms.databaseConnectionsHigh.threshold (Parameter 'settings')", error.Message);

        var overridden = unknown.WithOverride(AlarmKeys.DatabaseConnectionsHigh, Override(threshold: 200));
        Assert.Equal(200, Single("infra-staging-db-connections-high", overridden).Threshold);
    }

    private static AlarmDefinition Single(string name, StackSettings settings) =>
        Assert.Single(Catalog(settings).Alarms, a => a.Name == name);

    private static (double, Severity) Pick(AlarmDefinition alarm) => (alarm.Threshold, alarm.Severity);
}
