namespace Amazon.ElasticLoadBalancingV2.Model;

/// <summary>A listener's default action or a rule's action; a forward action carries its target groups in <see cref="ForwardConfig"/>.</summary>
public class Action
{
    public ActionTypeEnum? Type { get; set; }

    public ForwardActionConfig? ForwardConfig { get; set; }
}
