namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>ModifyRule's answer (the rule as changed; not read here).</summary>
public class ModifyRuleResponse
{
}
