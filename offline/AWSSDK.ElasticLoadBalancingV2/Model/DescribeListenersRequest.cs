namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>DescribeListeners parameters: the listeners to describe by ARN (null until set, as in v4).</summary>
public class DescribeListenersRequest
{
    public List<string>? ListenerArns { get; set; }
}
