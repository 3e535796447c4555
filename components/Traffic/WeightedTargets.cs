using Infra.Stacks.Settings;

namespace Infra.Components.Traffic;

/// <summary>A target group of a forward action and its share of the traffic.</summary>
public sealed record WeightedTarget<TArn>(TArn Arn, int Weight);

/// <summary>
/// The target groups a forward action splits traffic over. Settings validation already checks a service's weights;
/// this is the load balancer's own limit, checked again where the action is built so no caller can bypass it.
/// </summary>
public static class WeightedTargets
{
    /// <summary>An ALB forward action accepts at most five target groups.</summary>
    public const int MaxTargetGroups = 5;

    /// <summary>Both colors of a service with the weights from settings, blue first.</summary>
    public static IReadOnlyList<WeightedTarget<TArn>> ForLiveTraffic<TArn>(ServiceSettings service, ColorPair<TArn> arns) =>
        Checked<TArn>([new(arns.Blue, service.Weights.Blue), new(arns.Green, service.Weights.Green)]);

    /// <summary>The idle color alone, at 100: where the test listener and the preview rule send a service's requests.</summary>
    public static IReadOnlyList<WeightedTarget<TArn>> ForTestTraffic<TArn>(ServiceSettings service, ColorPair<TArn> arns) =>
        Checked<TArn>([new(arns[service.IdleColor], 100)]);

    public static IReadOnlyList<WeightedTarget<TArn>> Checked<TArn>(IReadOnlyList<WeightedTarget<TArn>> targets)
    {
        if (targets.Count is 0 or > MaxTargetGroups)
            throw new ArgumentException(
                $"a forward action takes 1 to {MaxTargetGroups} target groups; got {targets.Count}", nameof(targets));
        foreach (var target in targets)
        {
            if (target.Weight is < 0 or > 100)
                throw new ArgumentException(
                    $"weight {target.Weight} is out of range; each target group's weight must be 0 to 100", nameof(targets));
        }
        var sum = targets.Sum(t => t.Weight);
        if (sum != 100)
            throw new ArgumentException(
                $"weights {string.Join(" + ", targets.Select(t => t.Weight))} = {sum}; a forward action's weights must sum to 100",
                nameof(targets));
        return targets;
    }
}
