namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>One target group of a forward action and its weight (0 to 999; null when not sent).</summary>
public class TargetGroupTuple
{
    public string? TargetGroupArn { get; set; }

    public int? Weight { get; set; }
}
