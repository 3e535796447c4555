using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Adapters;
using Infra.Runner.Drill;
using Moq;

namespace Runner.Tests.Drill;

public class CloudWatchReplicaLagReaderTests
{
    private static readonly DateTimeOffset To = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReplicaLagQuery Query = new("eu-central-1", "staging-db-replica", To.AddMinutes(-5), To);

    private readonly Mock<IAmazonCloudWatch> cloudWatch = new(MockBehavior.Strict);
    private readonly List<string> regions = [];
    private GetMetricStatisticsRequest? sent;

    [Fact]
    public async Task Asks_for_the_replicas_ReplicaLag_maximum_per_minute_over_the_window_in_the_replicas_region()
    {
        Answer([]);

        await Reader().ReadMaxAsync(Query, CancellationToken.None);

        Assert.Equal(["eu-central-1"], regions);
        Assert.NotNull(sent);
        Assert.Equal("AWS/RDS", sent.Namespace);
        Assert.Equal("ReplicaLag", sent.MetricName);
        var dimension = Assert.Single(sent.Dimensions!);
        Assert.Equal(("DBInstanceIdentifier", "staging-db-replica"), (dimension.Name, dimension.Value));
        Assert.Equal(["Maximum"], sent.Statistics!);
        Assert.Equal(60, sent.Period);
        Assert.Equal(new DateTime(2026, 3, 1, 5, 55, 0, DateTimeKind.Utc), sent.StartTime);
        Assert.Equal(DateTimeKind.Utc, sent.StartTime!.Value.Kind);
        Assert.Equal(new DateTime(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc), sent.EndTime);
    }

    [Fact]
    public async Task The_reading_is_the_largest_maximum_and_the_number_of_data_points()
    {
        Answer([new Datapoint { Maximum = 2 }, new Datapoint { Maximum = 7.5 }, new Datapoint { Maximum = 0 }]);

        var reading = await Reader().ReadMaxAsync(Query, CancellationToken.None);

        Assert.Equal(new ReplicaLagReading(7.5, 3), reading);
    }

    [Fact]
    public async Task No_data_points_is_no_reading()
    {
        cloudWatch.Setup(c => c.GetMetricStatisticsAsync(It.IsAny<GetMetricStatisticsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetMetricStatisticsResponse());

        Assert.Null(await Reader().ReadMaxAsync(Query, CancellationToken.None));
    }

    private CloudWatchReplicaLagReader Reader() => new(region =>
    {
        regions.Add(region);
        return cloudWatch.Object;
    });

    private void Answer(List<Datapoint> points) =>
        cloudWatch.Setup(c => c.GetMetricStatisticsAsync(It.IsAny<GetMetricStatisticsRequest>(), It.IsAny<CancellationToken>()))
            .Callback((GetMetricStatisticsRequest request, CancellationToken _) => sent = request)
            .ReturnsAsync(new GetMetricStatisticsResponse { Datapoints = points });
}
