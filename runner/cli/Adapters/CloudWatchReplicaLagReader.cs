using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Drill;

namespace Infra.Runner.Adapters;

/// <summary>
/// RDS's <c>ReplicaLag</c> from CloudWatch GetMetricStatistics: namespace AWS/RDS, dimension DBInstanceIdentifier,
/// statistic Maximum per 60 s. The replica's metrics live in its own region, so a client is created for the query's
/// region (<paramref name="clientForRegion"/>) and disposed after the call.
/// </summary>
public sealed class CloudWatchReplicaLagReader(Func<string, IAmazonCloudWatch> clientForRegion) : IReplicaLagReader
{
    public const string Namespace = "AWS/RDS";
    public const string MetricName = "ReplicaLag";
    public const string DimensionName = "DBInstanceIdentifier";
    public const string Statistic = "Maximum";
    public const int PeriodSeconds = 60;

    public async Task<ReplicaLagReading?> ReadMaxAsync(ReplicaLagQuery query, CancellationToken cancellationToken)
    {
        var client = clientForRegion(query.Region);
        try
        {
            var response = await client.GetMetricStatisticsAsync(new GetMetricStatisticsRequest
            {
                Namespace = Namespace,
                MetricName = MetricName,
                Dimensions = [new Dimension { Name = DimensionName, Value = query.ReplicaIdentifier }],
                Statistics = [Statistic],
                Period = PeriodSeconds,
                StartTime = query.From.UtcDateTime,
                EndTime = query.To.UtcDateTime,
            }, cancellationToken);

            var maxima = (response.Datapoints ?? []).Where(d => d.Maximum is not null).Select(d => d.Maximum!.Value).ToList();
            return maxima.Count == 0 ? null : new ReplicaLagReading(maxima.Max(), maxima.Count);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }
}
