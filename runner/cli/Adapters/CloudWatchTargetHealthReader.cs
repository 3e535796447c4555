using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// A target group's health from CloudWatch GetMetricStatistics: <c>HealthyHostCount</c> and <c>UnHealthyHostCount</c>
/// in AWS/ApplicationELB (dimensions TargetGroup and LoadBalancer), statistic Maximum per 60 s, the latest period
/// from the minute <c>since</c> falls in (the deploy's update has returned by then: ECS was steady, so a color that
/// already ran tasks ran them healthy; one raised from zero counts no healthy host before its tasks start).
/// Why CloudWatch and not ECS DescribeServices with ELBv2 DescribeTargetHealth: the runner already holds a CloudWatch
/// client for the stack's region and the permission to read it, and no ECS or ELBv2 SDK package is served to this
/// build. The price is the metrics' delay of a minute or two, which the ready timeout (default 10 minutes) absorbs.
/// Maximum is the only statistic the runner's CloudWatch surface reads: for unhealthy hosts it is the strict choice
/// (one unhealthy target in the minute is not ready); for healthy hosts the unhealthy count of the same minute
/// guards it.
/// </summary>
public sealed class CloudWatchTargetHealthReader(IAmazonCloudWatch cloudWatch, TimeProvider time) : ITargetHealthReader
{
    public const string HealthyMetric = "HealthyHostCount";
    public const string UnhealthyMetric = "UnHealthyHostCount";
    public const string Statistic = "Maximum";
    public const int PeriodSeconds = 60;

    public async Task<TargetHealth> ReadAsync(TargetGroupRef targetGroup, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = ApplicationElbMetrics.Minute(since);
        var end = time.GetUtcNow().UtcDateTime;
        if (end <= start)
        {
            return new TargetHealth(null, null);
        }

        return new TargetHealth(
            await LatestAsync(HealthyMetric, targetGroup, start, end, cancellationToken),
            await LatestAsync(UnhealthyMetric, targetGroup, start, end, cancellationToken));
    }

    private async Task<int?> LatestAsync(string metric, TargetGroupRef targetGroup, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var response = await cloudWatch.GetMetricStatisticsAsync(new GetMetricStatisticsRequest
        {
            Namespace = ApplicationElbMetrics.Namespace,
            MetricName = metric,
            Dimensions = ApplicationElbMetrics.TargetGroup(targetGroup),
            Statistics = [Statistic],
            Period = PeriodSeconds,
            StartTime = start,
            EndTime = end,
        }, cancellationToken);
        var latest = (response.Datapoints ?? [])
            .Where(d => d.Maximum is not null && d.Timestamp is not null)
            .MaxBy(d => d.Timestamp);
        return latest is null ? null : (int)Math.Round(latest.Maximum!.Value);
    }
}
