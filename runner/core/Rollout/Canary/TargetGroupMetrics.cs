namespace Infra.Runner.Rollout;

/// <summary>
/// One target group's load-balancer metrics summed over a window (AWS/ApplicationELB): requests routed to it, 5xx its
/// targets answered, connections the load balancer could not open to its targets, the p99 of TargetResponseTime in
/// seconds and the fewest healthy targets seen (null when CloudWatch has no data point, e.g. no request at all).
/// </summary>
public sealed record TargetGroupMetrics(double Requests, double Target5xx, double ConnectionErrors, double? P99Seconds, double? MinHealthyHosts)
{
    public static TargetGroupMetrics None { get; } = new(0, 0, 0, null, null);
}

/// <summary>
/// A load balancer's metrics over a window: <see cref="Elb5xx"/> are the 5xx the load balancer generated itself
/// (HTTPCode_ELB_5XX_Count, which CloudWatch publishes per load balancer only), <see cref="TargetGroups"/> per target
/// group ARN suffix; every suffix asked for is present.
/// </summary>
public sealed record LoadBalancerMetrics(double Elb5xx, IReadOnlyDictionary<string, TargetGroupMetrics> TargetGroups);

/// <summary>What to read: the load balancer and target groups (ARN suffixes, as CloudWatch's dimensions name them) and the window.</summary>
public sealed record MetricsQuery(string LoadBalancer, IReadOnlyList<string> TargetGroups, DateTimeOffset From, DateTimeOffset To);

/// <summary>Reads load-balancer and target-group metrics (the CloudWatch GetMetricData adapter).</summary>
public interface ITargetGroupMetrics
{
    Task<LoadBalancerMetrics> ReadAsync(MetricsQuery query, CancellationToken cancellationToken);
}
