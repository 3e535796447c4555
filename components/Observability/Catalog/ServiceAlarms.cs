using System.Globalization;
using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// The default alarms of one service: over both colors (the service as users see it), and per color (the
/// rollout gates, watched while traffic shifts to that color).
/// </summary>
public static class ServiceAlarms
{
    private const int Minute = 60;

    public static IEnumerable<AlarmDefinition> For(ServiceSettings service, Naming naming)
    {
        var name = service.Name;
        var p99Threshold = 2 * service.LatencyBaselineMs / 1000.0;
        var p99Text = (2 * service.LatencyBaselineMs).ToString(CultureInfo.InvariantCulture);

        yield return new AlarmDefinition(AlarmKeys.TargetErrorRate, naming.AlarmName(name, null, "error-rate"), name, null,
            ErrorRate("error_rate", Metrics.PerColor("errors", c => Errors(name, c)), Metrics.PerColor("requests", c => Requests(name, c))),
            Minute, 2, 2, 10, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.Critical, false,
            $"{name}: too many requests answered 5xx by the service (both colors). Check the service logs and recent " +
            "changes; if a rollout is running, roll back.");

        yield return new AlarmDefinition(AlarmKeys.TargetResponseTimeP95, naming.AlarmName(name, null, "p95-latency"), name, null,
            SlowestColor("p95_latency", "p95", name), Minute, 5, 5, 5, Comparison.GreaterThanThreshold, MissingData.NotBreaching,
            Severity.High, false,
            $"{name}: p95 response time above 5 s. Check the database and downstream calls, and the ECS CPU and memory graphs.");

        yield return new AlarmDefinition(AlarmKeys.TargetResponseTimeP99, naming.AlarmName(name, null, "p99-latency"), name, null,
            SlowestColor("p99_latency", "p99", name), Minute, 10, 10, p99Threshold, Comparison.GreaterThanThreshold,
            MissingData.NotBreaching, Severity.High, false,
            $"{name}: p99 response time above twice the {service.LatencyBaselineMs} ms baseline ({p99Text} ms). Look for slow " +
            "queries or saturation; raise latencyBaselineMs only if the new latency is expected.");

        yield return new AlarmDefinition(AlarmKeys.EcsMemoryHigh, naming.AlarmName(name, null, "memory-high"), name, null,
            HighestColor("memory", Metrics.Ecs, "MemoryUtilization", name), Minute, 5, 5, 80, Comparison.GreaterThanThreshold,
            MissingData.NotBreaching, Severity.Medium, false,
            $"{name}: ECS memory above 80% of the task size. Look for a leak in recent releases or raise the service's memory.");

        yield return new AlarmDefinition(AlarmKeys.EcsCpuHigh, naming.AlarmName(name, null, "cpu-high"), name, null,
            HighestColor("cpu", Metrics.Ecs, "CPUUtilization", name), Minute, 10, 10, 80, Comparison.GreaterThanThreshold,
            MissingData.NotBreaching, Severity.Medium, false,
            $"{name}: ECS CPU above 80% for 10 minutes. Check autoscaling reached its maximum; raise autoscaling.max or cpu.");

        yield return new AlarmDefinition(AlarmKeys.EcsRunningTasksLow, naming.AlarmName(name, null, "running-tasks-low"), name, null,
            MissingTasks(name), Minute, 10, 10, 0, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, false,
            $"{name}: fewer tasks running than desired for 10 minutes. Check the ECS service events for failed starts " +
            "(image pull, health checks, capacity).");

        foreach (var color in Enum.GetValues<Color>())
        {
            foreach (var gate in Gates(service, color, naming, p99Threshold)) yield return gate;
        }
    }

    private static IEnumerable<AlarmDefinition> Gates(ServiceSettings service, Color color, Naming naming, double p99Threshold)
    {
        var name = service.Name;
        var colorName = color.ToConfigName();
        const string rollBack = "If a rollout to this color is running, the runner rolls it back.";
        // Their timing is shared with the bake validation, which needs it without Pulumi.
        var errorRate = GateWindows.Default(AlarmKeys.ColorErrorRate);
        var p99 = GateWindows.Default(AlarmKeys.ColorResponseTimeP99);
        var unhealthy = GateWindows.Default(AlarmKeys.ColorUnhealthyHosts);

        yield return new AlarmDefinition(AlarmKeys.ColorErrorRate, naming.AlarmName(name, color, "error-rate"), name, color,
            ErrorRate("error_rate", ValueList.Of(new MetricInput("errors", Errors(name, color))), ValueList.Of(new MetricInput("requests", Requests(name, color)))),
            errorRate.PeriodSeconds, errorRate.EvaluationPeriods, errorRate.EvaluationPeriods, 10, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, true,
            $"{name}/{colorName}: more than 10% of this color's requests answered 5xx. {rollBack} Otherwise check its logs.");

        yield return new AlarmDefinition(AlarmKeys.ColorResponseTimeP99, naming.AlarmName(name, color, "p99-latency"), name, color,
            new SingleMetric(Metrics.TargetGroup("TargetResponseTime", name, color, "p99")),
            p99.PeriodSeconds, p99.EvaluationPeriods, p99.EvaluationPeriods, p99Threshold, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, true,
            $"{name}/{colorName}: p99 response time above twice the baseline. {rollBack} Otherwise compare with the other color.");

        yield return new AlarmDefinition(AlarmKeys.ColorUnhealthyHosts, naming.AlarmName(name, color, "unhealthy-hosts"), name, color,
            new SingleMetric(Metrics.TargetGroup("UnHealthyHostCount", name, color, "Maximum")),
            unhealthy.PeriodSeconds, unhealthy.EvaluationPeriods, unhealthy.EvaluationPeriods, 0, Comparison.GreaterThanThreshold, MissingData.NotBreaching, Severity.High, true,
            $"{name}/{colorName}: targets failing the health check. {rollBack} Otherwise check the health check path and task logs.");
    }

    private static MetricStat Errors(string service, Color color) =>
        Metrics.TargetGroup("HTTPCode_Target_5XX_Count", service, color, "Sum");

    private static MetricStat Requests(string service, Color color) =>
        Metrics.TargetGroup("RequestCount", service, color, "Sum");

    // Percent of requests answered 5xx; no requests gives no data point rather than a division by zero.
    private static MetricMath ErrorRate(string id, ValueList<MetricInput> errors, ValueList<MetricInput> requests) =>
        new(id, $"100 * ({SumFilled(errors)}) / ({SumFilled(requests)})", "5xx %", errors.Concat(requests).ToValueList());

    // Percentiles cannot be added up across target groups; the worse color is what users feel.
    private static MetricMath SlowestColor(string id, string percentile, string service) =>
        Max(id, $"{percentile} response time (s)", Metrics.PerColor(percentile, c => Metrics.TargetGroup("TargetResponseTime", service, c, percentile)));

    private static MetricMath HighestColor(string idPrefix, string metricNamespace, string metricName, string service) =>
        Max($"{idPrefix}_max", $"{metricName} (%)",
            Metrics.PerColor(idPrefix, c => Metrics.EcsService(metricNamespace, metricName, service, c, "Average")));

    private static MetricMath Max(string id, string label, ValueList<MetricInput> inputs) =>
        new(id, $"MAX([{string.Join(", ", inputs.Select(i => i.Id))}])", label, inputs);

    // Container Insights publishes desired and running task counts; the idle color at zero counts as zero.
    private static MetricMath MissingTasks(string service)
    {
        var desired = Metrics.PerColor("desired", c => Metrics.EcsService(Metrics.ContainerInsights, "DesiredTaskCount", service, c, "Average"));
        var running = Metrics.PerColor("running", c => Metrics.EcsService(Metrics.ContainerInsights, "RunningTaskCount", service, c, "Average"));
        return new MetricMath("missing_tasks", $"({SumFilled(desired)}) - ({SumFilled(running)})", "tasks missing", desired.Concat(running).ToValueList());
    }

    private static string SumFilled(IEnumerable<MetricInput> inputs) => string.Join(" + ", inputs.Select(i => $"FILL({i.Id}, 0)"));
}
