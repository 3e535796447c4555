namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>A listener as DescribeListeners answers it; only its ARN and default actions are read here.</summary>
public class Listener
{
    public string? ListenerArn { get; set; }

    public List<Action>? DefaultActions { get; set; }
}
