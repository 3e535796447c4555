namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>A forward action's target groups and their weights (null until set, as in v4).</summary>
public class ForwardActionConfig
{
    public List<TargetGroupTuple>? TargetGroups { get; set; }
}
