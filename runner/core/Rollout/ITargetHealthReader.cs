namespace Infra.Runner.Rollout;

/// <summary>A target group on its load balancer, as CloudWatch's AWS/ApplicationELB dimensions name them.</summary>
public sealed record TargetGroupRef(string LoadBalancerArnSuffix, string TargetGroupArnSuffix);

/// <summary>
/// The latest healthy and unhealthy target counts of a target group; null where CloudWatch has no datapoint yet
/// (a target group that just got its first targets, or metrics still in delay).
/// </summary>
public sealed record TargetHealth(int? Healthy, int? Unhealthy);

/// <summary>Reads a target group's health (the CloudWatch adapter), so the runner can wait for a new color to be ready.</summary>
public interface ITargetHealthReader
{
    /// <summary>The latest counts measured after <paramref name="since"/>, so nothing from before the deploy counts.</summary>
    Task<TargetHealth> ReadAsync(TargetGroupRef targetGroup, DateTimeOffset since, CancellationToken cancellationToken);
}
