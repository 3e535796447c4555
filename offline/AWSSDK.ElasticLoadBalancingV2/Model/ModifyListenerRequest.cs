namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>ModifyListener parameters: the listener and its new default actions; properties not sent keep their values.</summary>
public class ModifyListenerRequest
{
    public string? ListenerArn { get; set; }

    public List<Action>? DefaultActions { get; set; }
}
