using Amazon.CloudWatch;
using Amazon.CloudWatch.Model;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using TestSupport;

namespace Runner.Tests.Adapters;

/// <summary>
/// The canary analysis's metrics reader through the offline AWSSDK.CloudWatch client, over the wire (GetMetricData,
/// RPC v2 CBOR), against the fake CloudWatch of tests/Support.
/// </summary>
[Collection(nameof(CloudWatchEndpointOverride))]
public sealed class CloudWatchTargetGroupMetricsWireTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_CLOUDWATCH";
    private const string LoadBalancer = "app/infra-production/50dc6c495c0c9188";
    private const string Green = "targetgroup/web-green/73e2d6bc24d8a067";
    private const string Blue = "targetgroup/web-blue/6d0ecf831eec9f09";
    private static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeCloudWatchServer _server = FakeCloudWatchServer.Start();

    public CloudWatchTargetGroupMetricsWireTests()
    {
        Environment.SetEnvironmentVariable(Variable, _server.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
    }

    [Fact]
    public async Task Reads_sums_p99_fewest_healthy_targets_and_the_load_balancers_own_5xx_over_the_window_in_one_request()
    {
        SetGreen("HTTPCode_Target_5XX_Count", Minutes(1, 0, 2));
        SetGreen("TargetConnectionErrorCount", Minutes(0, 3));
        SetGreen("TargetResponseTime", Enumerable.Range(1, 100).Select(i => (Noon.AddSeconds(i * 3), i / 100.0)));
        SetGreen("HealthyHostCount", Minutes(2, 2, 1, 2));
        _server.SetDatapoints(ApplicationElbMetrics.Namespace, "HTTPCode_ELB_5XX_Count", new Dictionary<string, string> { ["LoadBalancer"] = LoadBalancer },
            [(Noon.AddMinutes(-1), 50), (Noon.AddMinutes(1), 3), (Noon.AddMinutes(4), 4)]);
        // Outside the window (the minute before it, and the one after): not read.
        SetGreen("RequestCount", [.. Minutes(100, 100, 100, 100, 100, 100), (Noon.AddMinutes(-1), 999), (Noon.AddMinutes(6), 999)]);

        var metrics = await Reader().ReadAsync(Query(), CancellationToken.None);

        Assert.Equal(new TargetGroupMetrics(600, 3, 3, 0.99, 1), metrics.TargetGroups[Green]);
        Assert.Equal(new TargetGroupMetrics(0, 0, 0, null, null), metrics.TargetGroups[Blue]);
        Assert.Equal(7, metrics.Elb5xx);
        Assert.Equal(["GetMetricData"], _server.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Follows_next_token_through_every_page()
    {
        _server.MetricDataPageSize = 1;
        SetGreen("RequestCount", Minutes(100, 200));
        SetGreen("HTTPCode_Target_5XX_Count", Minutes(4));
        SetGreen("HealthyHostCount", Minutes(3));
        _server.SetDatapoints(ApplicationElbMetrics.Namespace, "HTTPCode_ELB_5XX_Count", new Dictionary<string, string> { ["LoadBalancer"] = LoadBalancer },
            [(Noon.AddMinutes(2), 5)]);

        var metrics = await Reader().ReadAsync(Query(), CancellationToken.None);

        Assert.Equal(new TargetGroupMetrics(300, 4, 0, null, 3), metrics.TargetGroups[Green]);
        Assert.Equal(5, metrics.Elb5xx);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_period_that_is_not_a_multiple_of_60_fails_as_the_service_fails_it()
    {
        var request = new GetMetricDataRequest
        {
            StartTime = Noon,
            EndTime = Noon.AddMinutes(5),
            MetricDataQueries =
            [
                new MetricDataQuery
                {
                    Id = "requests",
                    MetricStat = new MetricStat
                    {
                        Metric = new Metric { Namespace = ApplicationElbMetrics.Namespace, MetricName = "RequestCount" },
                        Period = 90,
                        Stat = "Sum",
                    },
                },
            ],
        };

        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => CloudWatchClients.For("eu-west-1").GetMetricDataAsync(request));

        Assert.Equal(("ValidationError", "1 validation error detected: The parameter MetricDataQueries.member.1.MetricStat.Period must be a multiple of 60."),
            (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Query_ids_must_be_unique_as_the_service_requires()
    {
        var query = new MetricDataQuery
        {
            Id = "same",
            MetricStat = new MetricStat { Metric = new Metric { Namespace = "AWS/ApplicationELB", MetricName = "RequestCount" }, Period = 60, Stat = "Sum" },
        };

        var error = await Assert.ThrowsAsync<AmazonCloudWatchException>(() => CloudWatchClients.For("eu-west-1").GetMetricDataAsync(
            new GetMetricDataRequest { StartTime = Noon, EndTime = Noon.AddMinutes(1), MetricDataQueries = [query, query] }));

        Assert.Equal("1 validation error detected: The values for parameter id in MetricDataQueries are not unique.", error.Message);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
    }

    // 12:00:30 to 12:05:10: read as the whole minutes 12:00 to 12:06, one period.
    private static MetricsQuery Query() =>
        new(LoadBalancer, [Green, Blue], new DateTimeOffset(Noon.AddSeconds(30)), new DateTimeOffset(Noon.AddMinutes(5).AddSeconds(10)));

    private static CloudWatchTargetGroupMetrics Reader() => new(CloudWatchClients.For("eu-west-1"));

    private static IEnumerable<(DateTime, double)> Minutes(params double[] values) => values.Select((v, i) => (Noon.AddMinutes(i), v));

    private void SetGreen(string metric, IEnumerable<(DateTime, double)> points) =>
        _server.SetDatapoints(ApplicationElbMetrics.Namespace, metric,
            new Dictionary<string, string> { ["LoadBalancer"] = LoadBalancer, ["TargetGroup"] = Green }, points);
}
