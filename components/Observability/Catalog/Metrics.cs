using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>The AWS metrics the catalog and the dashboard read, with the dimensions CloudWatch publishes them under.</summary>
public static class Metrics
{
    public const string Alb = "AWS/ApplicationELB";
    public const string Ecs = "AWS/ECS";
    public const string ContainerInsights = "ECS/ContainerInsights";
    public const string Rds = "AWS/RDS";
    public const string Synthetics = "CloudWatchSynthetics";

    /// <summary>A per-target-group ALB metric (published with both the target group and the load balancer).</summary>
    public static MetricStat TargetGroup(string metricName, string service, Color color, string stat) =>
        new(Alb, metricName,
            ValueList.Of(new Dimension("TargetGroup", new TargetGroupRef(service, color)), new Dimension("LoadBalancer", new LoadBalancerRef())),
            stat);

    public static MetricStat LoadBalancer(string metricName, string stat) =>
        new(Alb, metricName, ValueList.Of(new Dimension("LoadBalancer", new LoadBalancerRef())), stat);

    /// <summary>An ECS service metric of one color (<see cref="Ecs"/> or <see cref="ContainerInsights"/>).</summary>
    public static MetricStat EcsService(string metricNamespace, string metricName, string service, Color color, string stat) =>
        new(metricNamespace, metricName,
            ValueList.Of(new Dimension("ClusterName", new ClusterRef()), new Dimension("ServiceName", new EcsServiceRef(service, color))),
            stat);

    public static MetricStat Database(string metricName, DatabaseRole role, string stat) =>
        new(Rds, metricName, ValueList.Of(new Dimension("DBInstanceIdentifier", new DbInstanceRef(role))), stat);

    /// <summary>A metric a Synthetics canary publishes per run, e.g. <c>SuccessPercent</c>.</summary>
    public static MetricStat Canary(string metricName, string canaryName, string stat) =>
        new(Synthetics, metricName, ValueList.Of(new Dimension("CanaryName", new CanaryRef(canaryName))), stat);

    /// <summary>One input per color, with ids <c>&lt;prefix&gt;_blue</c> and <c>&lt;prefix&gt;_green</c>.</summary>
    public static ValueList<MetricInput> PerColor(string idPrefix, Func<Color, MetricStat> metric) =>
        Enum.GetValues<Color>().Select(c => new MetricInput($"{idPrefix}_{c.ToConfigName()}", metric(c))).ToValueList();
}
