namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>DescribeRules parameters: the rules to describe by ARN (null until set, as in v4).</summary>
public class DescribeRulesRequest
{
    public List<string>? RuleArns { get; set; }
}
