using Amazon.ElasticLoadBalancingV2.Internal;
using Amazon.ElasticLoadBalancingV2.Model;
using Amazon.Offline;

namespace Amazon.ElasticLoadBalancingV2;

/// <summary>
/// Offline Elastic Load Balancing v2 client. It speaks the wire protocol the real v4 client speaks (AWS Query, see
/// <see cref="QueryWire"/>) to the endpoint override the real SDK honours (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2,
/// then AWS_ENDPOINT_URL), on loopback only: it cannot sign requests (no SigV4 offline), so it refuses, saying so, to
/// call AWS or any endpoint that is not on this machine.
/// </summary>
public class AmazonElasticLoadBalancingV2Client
{
    /// <summary>The service id is "Elastic Load Balancing v2".</summary>
    private static readonly LoopbackEndpoint Override =
        new("AWSSDK.ElasticLoadBalancingV2", "Elastic Load Balancing v2", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2");

    private readonly string? _region;

    public AmazonElasticLoadBalancingV2Client()
    {
        _region = Environment.GetEnvironmentVariable("AWS_REGION");
    }

    /// <summary>A client for <paramref name="region"/> rather than the one AWS_REGION names.</summary>
    public AmazonElasticLoadBalancingV2Client(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual async Task<ModifyListenerResponse> ModifyListenerAsync(ModifyListenerRequest request, CancellationToken cancellationToken = default)
    {
        await QueryWire.CallAsync(Endpoint("change a listener's default action"), "ModifyListener",
            [("ListenerArn", request.ListenerArn), .. QueryWire.Actions("DefaultActions", request.DefaultActions)], cancellationToken);
        return new ModifyListenerResponse();
    }

    public virtual async Task<ModifyRuleResponse> ModifyRuleAsync(ModifyRuleRequest request, CancellationToken cancellationToken = default)
    {
        await QueryWire.CallAsync(Endpoint("change a listener rule's actions"), "ModifyRule",
            [("RuleArn", request.RuleArn), .. QueryWire.Actions("Actions", request.Actions)], cancellationToken);
        return new ModifyRuleResponse();
    }

    public virtual async Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken = default)
    {
        var result = await QueryWire.CallAsync(Endpoint("describe listeners"), "DescribeListeners", QueryWire.List("ListenerArns", request.ListenerArns), cancellationToken);
        return new DescribeListenersResponse
        {
            Listeners = QueryWire.Members(result, "Listeners", listener => new Listener
            {
                ListenerArn = AwsXml.Child(listener, "ListenerArn"),
                DefaultActions = QueryWire.Members(listener, "DefaultActions", QueryWire.ReadAction),
            }),
        };
    }

    public virtual async Task<DescribeRulesResponse> DescribeRulesAsync(DescribeRulesRequest request, CancellationToken cancellationToken = default)
    {
        var result = await QueryWire.CallAsync(Endpoint("describe listener rules"), "DescribeRules", QueryWire.List("RuleArns", request.RuleArns), cancellationToken);
        return new DescribeRulesResponse
        {
            Rules = QueryWire.Members(result, "Rules", rule => new Rule
            {
                RuleArn = AwsXml.Child(rule, "RuleArn"),
                Actions = QueryWire.Members(rule, "Actions", QueryWire.ReadAction),
            }),
        };
    }

    private Uri Endpoint(string purpose) => Override.Require(_region, purpose);
}
