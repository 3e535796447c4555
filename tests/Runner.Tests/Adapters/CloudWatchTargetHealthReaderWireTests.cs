using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Runner.Tests.Adapters;

/// <summary>
/// The target health reader through the offline AWSSDK.CloudWatch client, over the wire, against the fake CloudWatch
/// of tests/Support: the latest HealthyHostCount and UnHealthyHostCount of one target group on its load balancer.
/// </summary>
[Collection(nameof(CloudWatchEndpointOverride))]
public sealed class CloudWatchTargetHealthReaderWireTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_CLOUDWATCH";
    private static readonly TargetGroupRef Green = new("app/infra-staging/50dc6c495c0c9188", "targetgroup/web-tg-green/73e2d6bc24d8a067");
    private static readonly DateTime Deployed = new(2026, 3, 1, 12, 0, 20, DateTimeKind.Utc);
    private readonly FakeCloudWatchServer _server = FakeCloudWatchServer.Start();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Deployed.AddMinutes(4)));

    public CloudWatchTargetHealthReaderWireTests()
    {
        Environment.SetEnvironmentVariable(Variable, _server.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
    }

    [Fact]
    public async Task Reads_the_latest_healthy_and_unhealthy_counts_of_the_target_group_since_the_deploys_minute()
    {
        // Before the deploy the color had no tasks; they start, one fails its first checks, then both pass.
        SetPoints("HealthyHostCount", (-2, 0), (0, 0), (1, 1), (2, 1), (3, 2));
        SetPoints("UnHealthyHostCount", (-2, 0), (0, 0), (1, 0), (2, 1), (3, 0));

        var health = await Reader().ReadAsync(Green, new DateTimeOffset(Deployed), CancellationToken.None);

        Assert.Equal(new TargetHealth(2, 0), health);
        var requests = _server.Requests.Where(r => r.Operation == "GetMetricStatistics").Select(r => r.Input).ToList();
        Assert.Equal(["HealthyHostCount", "UnHealthyHostCount"], requests.Select(r => (string)r["MetricName"]!));
        Assert.All(requests, request =>
        {
            Assert.Equal("AWS/ApplicationELB", request["Namespace"]);
            Assert.Equal(60L, request["Period"]);
            Assert.Equal("Maximum", Assert.Single((List<object?>)request["Statistics"]!));
            Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), request["StartTime"]);
            Assert.Equal(Deployed.AddMinutes(4), request["EndTime"]);
        });
    }

    [Fact]
    public async Task No_datapoint_since_the_deploy_is_no_reading_not_zero()
    {
        SetPoints("HealthyHostCount", (-3, 2));
        SetPoints("UnHealthyHostCount", (-3, 0));

        var health = await Reader().ReadAsync(Green, new DateTimeOffset(Deployed), CancellationToken.None);

        Assert.Equal(new TargetHealth(null, null), health);
    }

    [Fact]
    public async Task Another_target_group_on_the_same_load_balancer_is_not_read()
    {
        SetPoints("HealthyHostCount", (1, 2));
        SetPoints("UnHealthyHostCount", (1, 0));

        var health = await Reader().ReadAsync(Green with { TargetGroupArnSuffix = "targetgroup/web-tg-blue/1f2e3d4c5b6a7980" },
            new DateTimeOffset(Deployed), CancellationToken.None);

        Assert.Equal(new TargetHealth(null, null), health);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
    }

    private CloudWatchTargetHealthReader Reader() => new(CloudWatchClients.For("eu-west-1"), _clock);

    /// <summary>One value per minute, at that many minutes from the deploy's minute.</summary>
    private void SetPoints(string metric, params (int Minute, double Value)[] points) =>
        _server.SetDatapoints("AWS/ApplicationELB", metric,
            new Dictionary<string, string> { ["TargetGroup"] = Green.TargetGroupArnSuffix, ["LoadBalancer"] = Green.LoadBalancerArnSuffix },
            points.Select(p => (new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddMinutes(p.Minute), p.Value)));
}
