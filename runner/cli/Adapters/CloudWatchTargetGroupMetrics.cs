using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// Load-balancer and target-group metrics for the canary analysis from one CloudWatch GetMetricData call (every page
/// of it): per target group (dimensions LoadBalancer and TargetGroup) RequestCount, HTTPCode_Target_5XX_Count and
/// TargetConnectionErrorCount summed, TargetResponseTime's p99 and HealthyHostCount's minimum; per load balancer
/// HTTPCode_ELB_5XX_Count summed, the only dimension CloudWatch publishes it with. Each query asks for one data point
/// covering the whole window (whole minutes around it), because percentiles of separate periods cannot be combined.
/// </summary>
public sealed class CloudWatchTargetGroupMetrics(IAmazonCloudWatch cloudWatch) : ITargetGroupMetrics
{
    private static readonly (string Key, string Metric, string Stat)[] PerTargetGroup =
    [
        ("requests", "RequestCount", "Sum"),
        ("target5xx", "HTTPCode_Target_5XX_Count", "Sum"),
        ("connectionErrors", "TargetConnectionErrorCount", "Sum"),
        ("p99", "TargetResponseTime", "p99"),
        ("healthy", "HealthyHostCount", "Minimum"),
    ];

    private const string Elb5xxId = "lb_elb5xx";

    public async Task<LoadBalancerMetrics> ReadAsync(MetricsQuery query, CancellationToken cancellationToken)
    {
        // CloudWatch rounds the start down to the minute; the end is rounded up so the last partial minute is read.
        var start = ApplicationElbMetrics.Minute(query.From);
        var end = ApplicationElbMetrics.Minute(query.To, up: true);
        end = end > start ? end : start.AddMinutes(1);
        var period = (int)(end - start).TotalSeconds;
        var queries = query.TargetGroups
            .SelectMany((group, index) => PerTargetGroup.Select(m => Query(Id(index, m.Key), m.Metric, m.Stat, period,
                ApplicationElbMetrics.TargetGroup(new TargetGroupRef(query.LoadBalancer, group)))))
            .Append(Query(Elb5xxId, "HTTPCode_ELB_5XX_Count", "Sum", period, [ApplicationElbMetrics.LoadBalancer(query.LoadBalancer)]))
            .ToList();

        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var response = await cloudWatch.GetMetricDataAsync(
                new GetMetricDataRequest { MetricDataQueries = queries, StartTime = start, EndTime = end, NextToken = nextToken }, cancellationToken);
            foreach (var result in response.MetricDataResults ?? [])
            {
                if (result.Id is { } id)
                {
                    (values.TryGetValue(id, out var list) ? list : values[id] = []).AddRange(result.Values ?? []);
                }
            }

            nextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
        }
        while (nextToken is not null);

        double Sum(string id) => values.TryGetValue(id, out var list) ? list.Sum() : 0;
        // More than one data point should not happen (one period covers the window); the worst one is kept if it does.
        double? Max(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Max() : null;
        double? Min(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Min() : null;
        var groups = query.TargetGroups
            .Select((group, index) => (group, new TargetGroupMetrics(
                Sum(Id(index, "requests")), Sum(Id(index, "target5xx")), Sum(Id(index, "connectionErrors")), Max(Id(index, "p99")), Min(Id(index, "healthy")))))
            .ToDictionary(g => g.group, g => g.Item2, StringComparer.Ordinal);
        return new LoadBalancerMetrics(Sum(Elb5xxId), groups);
    }

    // Ids must start with a lower-case letter and hold only letters, digits and underscores.
    private static string Id(int targetGroup, string key) => $"tg{targetGroup}_{key}";

    private static MetricDataQuery Query(string id, string metric, string stat, int period, List<Dimension> dimensions) => new()
    {
        Id = id,
        MetricStat = new MetricStat
        {
            Metric = new Metric { Namespace = ApplicationElbMetrics.Namespace, MetricName = metric, Dimensions = dimensions },
            Period = period,
            Stat = stat,
        },
    };
}
