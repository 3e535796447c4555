namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>ModifyListener's answer (the listener as changed; not read here).</summary>
public class ModifyListenerResponse
{
}
