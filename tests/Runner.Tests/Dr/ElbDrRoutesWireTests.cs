using Amazon.ElasticLoadBalancingV2;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Microsoft.Extensions.Time.Testing;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>
/// Failover's read of the DR load balancer over the wire: the offline AWSSDK.ElasticLoadBalancingV2 client against the
/// fake load balancer of tests/Support, asserting the exact Query requests and the weights read back by target group.
/// </summary>
[Collection(nameof(ElbEndpointOverride))]
public sealed class ElbDrRoutesWireTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2";
    private const string Region = "eu-central-1";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/infra-production-dr/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string RuleArn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener-rule/app/infra-production-dr/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    private const string Blue = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/dr-web-blue/73e2d6bc24d8a067";
    private const string Green = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/dr-web-green/2453ed029918f21f";

    private readonly FakeElbv2Server _server = FakeElbv2Server.Start();
    private readonly ElbDrRoutes _routes = new(ElbDrRoutes.ClientFor, SdkCallLimit.Of(TimeSpan.FromSeconds(30)));

    public ElbDrRoutesWireTests()
    {
        Environment.SetEnvironmentVariable(Variable, _server.Endpoint);
        // The real client signs its requests, so it needs credentials (the fake does not check them).
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
    }

    [Fact]
    public async Task A_listeners_weights_are_read_with_one_DescribeListeners_and_matched_by_target_group()
    {
        // Green listed first: the weights follow the target group ARNs, not their order.
        _server.Declare(ListenerArn, new ForwardTarget(Green, 0), new ForwardTarget(Blue, 100));

        var weights = await _routes.ReadWeightsAsync(Region, new TrafficRoute(TrafficRouteKind.Listener, ListenerArn, Blue, Green), CancellationToken.None);

        Assert.Equal(new TrafficWeights(100, 0), weights);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "DescribeListeners",
            ["Version"] = "2015-12-01",
            ["ListenerArns.member.1"] = ListenerArn,
        }, request.Form);
    }

    [Fact]
    public async Task A_rules_weights_are_read_with_one_DescribeRules()
    {
        _server.Declare(RuleArn, new ForwardTarget(Blue, 90), new ForwardTarget(Green, 10));

        var weights = await _routes.ReadWeightsAsync(Region, new TrafficRoute(TrafficRouteKind.Rule, RuleArn, Blue, Green), CancellationToken.None);

        Assert.Equal(new TrafficWeights(90, 10), weights);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "DescribeRules",
            ["Version"] = "2015-12-01",
            ["RuleArns.member.1"] = RuleArn,
        }, Assert.Single(_server.Requests).Form);
    }

    [Fact]
    public async Task A_missing_listener_is_the_services_ListenerNotFound()
    {
        var error = await Assert.ThrowsAsync<Amazon.ElasticLoadBalancingV2.Model.ListenerNotFoundException>(() =>
            _routes.ReadWeightsAsync(Region, new TrafficRoute(TrafficRouteKind.Listener, ListenerArn, Blue, Green), CancellationToken.None));

        Assert.Equal("One or more listeners not found", error.Message);
    }

    [Fact]
    public async Task A_rule_forwarding_to_other_target_groups_is_refused_naming_the_rule_and_what_it_forwards_to()
    {
        const string other = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/dr-api-blue/1";
        _server.Declare(RuleArn, new ForwardTarget(other, 100), new ForwardTarget(Green, 0));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _routes.ReadWeightsAsync(Region, new TrafficRoute(TrafficRouteKind.Rule, RuleArn, Blue, Green), CancellationToken.None));

        Assert.Equal(
            $"listener rule {RuleArn} in eu-central-1 does not have one forward action to exactly {Blue} and {Green} with weights " +
            $"(it has forward to {other} weight 100, {Green} weight 0)",
            error.Message);
    }

    [Fact]
    public async Task Access_denied_is_the_services_error()
    {
        _server.Declare(ListenerArn, new ForwardTarget(Blue, 100), new ForwardTarget(Green, 0));
        _server.DenyAccess(true);

        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() =>
            _routes.ReadWeightsAsync(Region, new TrafficRoute(TrafficRouteKind.Listener, ListenerArn, Blue, Green), CancellationToken.None));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    /// <summary>
    /// The call limit cancels the SDK request itself: the connection closes at the limit, so failover's read of the DR
    /// load balancer leaves nothing in flight when it goes on with both colors.
    /// </summary>
    [Theory]
    [InlineData(TrafficRouteKind.Listener, "Action=DescribeListeners")]
    [InlineData(TrafficRouteKind.Rule, "Action=DescribeRules")]
    public async Task A_read_that_gets_no_answer_is_cancelled_at_the_call_limit_not_left_in_flight(TrafficRouteKind kind, string action)
    {
        using var silent = new SilentHttpServer();
        Environment.SetEnvironmentVariable(Variable, silent.Endpoint);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var routes = new ElbDrRoutes(ElbDrRoutes.ClientFor, new SdkCallLimit(TimeSpan.FromSeconds(10), clock));

        var read = routes.ReadWeightsAsync(Region, new TrafficRoute(kind, kind == TrafficRouteKind.Listener ? ListenerArn : RuleArn, Blue, Green), CancellationToken.None);
        var request = await silent.ReadRequestAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => read);
        Assert.Equal("no answer within 10s; the request was cancelled", timedOut.Message);
        Assert.Contains(action, request, StringComparison.Ordinal);
        Assert.True(await silent.ClosedByClientAsync(), "the client still holds the connection: the request was not cancelled");
    }
}
