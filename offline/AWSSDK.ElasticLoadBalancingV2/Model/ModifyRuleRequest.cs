namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>ModifyRule parameters: the rule and its new actions; conditions not sent stay as they are.</summary>
public class ModifyRuleRequest
{
    public string? RuleArn { get; set; }

    public List<Action>? Actions { get; set; }
}
