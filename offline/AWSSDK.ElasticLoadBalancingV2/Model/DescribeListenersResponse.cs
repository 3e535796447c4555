namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>DescribeListeners' answer: the listeners asked for (null when the answer lists none, as in v4).</summary>
public class DescribeListenersResponse
{
    public List<Listener>? Listeners { get; set; }
}
