namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>DescribeRules' answer: the rules asked for (null when the answer lists none, as in v4).</summary>
public class DescribeRulesResponse
{
    public List<Rule>? Rules { get; set; }
}
