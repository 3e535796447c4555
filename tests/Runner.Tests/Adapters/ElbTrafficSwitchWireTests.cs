using System.Net;
using Amazon;
using Amazon.ElasticLoadBalancingV2;
using Amazon.ElasticLoadBalancingV2.Model;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using TestSupport;

namespace Runner.Tests.Adapters;

/// <summary>The Elastic Load Balancing endpoint override is process-wide, as in the real SDK: these tests run alone.</summary>
[CollectionDefinition(nameof(ElbEndpointOverride), DisableParallelization = true)]
public sealed class ElbEndpointOverride;

/// <summary>
/// The direct traffic switch over the wire: the offline AWSSDK.ElasticLoadBalancingV2 client against the fake load
/// balancer of tests/Support (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2), asserting the exact Query requests.
/// </summary>
[Collection(nameof(ElbEndpointOverride))]
public sealed class ElbTrafficSwitchWireTests : IDisposable
{
    private const string Variable = "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/infra-production/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string RuleArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/infra-production/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    private const string Blue = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067";
    private const string Green = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-green/2453ed029918f21f";

    private readonly FakeElbv2Server _server = FakeElbv2Server.Start();
    private readonly ElbTrafficSwitch _switch;

    public ElbTrafficSwitchWireTests()
    {
        Environment.SetEnvironmentVariable(Variable, _server.Endpoint);
        // The real client signs its requests, so it needs credentials (the fake does not check them).
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test-access-key");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-secret-key");
        _switch = new ElbTrafficSwitch(new AmazonElasticLoadBalancingV2Client(RegionEndpoint.EUWest1));
        _server.Declare(ListenerArn, new ForwardTarget(Blue, 50), new ForwardTarget(Green, 50));
        _server.Declare(RuleArn, new ForwardTarget(Blue, 75), new ForwardTarget(Green, 25));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        _server.Dispose();
    }

    [Fact]
    public async Task A_listener_is_switched_with_one_ModifyListener_listing_both_target_groups_blue_first()
    {
        await _switch.SwitchAsync(new TrafficRoute(TrafficRouteKind.Listener, ListenerArn, Blue, Green), TrafficWeights.AllTo(DeployColor.Blue), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "ModifyListener",
            ["Version"] = "2015-12-01",
            ["ListenerArn"] = ListenerArn,
            ["DefaultActions.member.1.Type"] = "forward",
            ["DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn"] = Blue,
            ["DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight"] = "100",
            ["DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn"] = Green,
            ["DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight"] = "0",
        }, request.Form);
        Assert.Equal([new ForwardTarget(Blue, 100), new ForwardTarget(Green, 0)], _server.ForwardOf(ListenerArn));
    }

    [Fact]
    public async Task A_listener_rule_is_switched_with_one_ModifyRule_and_its_conditions_are_not_sent()
    {
        await _switch.SwitchAsync(new TrafficRoute(TrafficRouteKind.Rule, RuleArn, Blue, Green), TrafficWeights.AllTo(DeployColor.Green), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "ModifyRule",
            ["Version"] = "2015-12-01",
            ["RuleArn"] = RuleArn,
            ["Actions.member.1.Type"] = "forward",
            ["Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn"] = Blue,
            ["Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight"] = "0",
            ["Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn"] = Green,
            ["Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight"] = "100",
        }, request.Form);
        Assert.Equal([new ForwardTarget(Blue, 0), new ForwardTarget(Green, 100)], _server.ForwardOf(RuleArn));
    }

    [Fact]
    public async Task A_listener_the_load_balancer_does_not_have_fails_with_its_ListenerNotFound_error()
    {
        var gone = ListenerArn.Replace("f2f7dc8efc522ab2", "0000000000000000", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ListenerNotFoundException>(() =>
            _switch.SwitchAsync(new TrafficRoute(TrafficRouteKind.Listener, gone, Blue, Green), TrafficWeights.AllTo(DeployColor.Blue), CancellationToken.None));

        Assert.Equal(("ListenerNotFound", HttpStatusCode.BadRequest, "One or more listeners not found"), (error.ErrorCode, error.StatusCode, error.Message));
        Assert.Equal([new ForwardTarget(Blue, 50), new ForwardTarget(Green, 50)], _server.ForwardOf(ListenerArn));
    }

    [Fact]
    public async Task A_rule_the_load_balancer_does_not_have_fails_with_its_RuleNotFound_error()
    {
        var error = await Assert.ThrowsAsync<RuleNotFoundException>(() =>
            _switch.SwitchAsync(new TrafficRoute(TrafficRouteKind.Rule, RuleArn + "0", Blue, Green), TrafficWeights.AllTo(DeployColor.Blue), CancellationToken.None));

        Assert.Equal(("RuleNotFound", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task A_caller_without_the_permission_gets_the_service_s_AccessDenied_and_nothing_changes()
    {
        _server.DenyAccess(true);

        var error = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() =>
            _switch.SwitchAsync(new TrafficRoute(TrafficRouteKind.Rule, RuleArn, Blue, Green), TrafficWeights.AllTo(DeployColor.Blue), CancellationToken.None));

        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (error.ErrorCode, error.StatusCode));
        Assert.StartsWith("User: arn:aws:sts::123456789012:assumed-role/infra-runner/ci is not authorized to perform: elasticloadbalancing:ModifyRule on resource: ", error.Message, StringComparison.Ordinal);
        Assert.Equal([new ForwardTarget(Blue, 75), new ForwardTarget(Green, 25)], _server.ForwardOf(RuleArn));
    }
}
