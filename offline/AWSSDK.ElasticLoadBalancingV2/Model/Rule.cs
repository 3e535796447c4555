namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>A listener rule as DescribeRules answers it; only its ARN and actions are read here.</summary>
public class Rule
{
    public string? RuleArn { get; set; }

    public List<Action>? Actions { get; set; }
}
