using Amazon.CloudWatch.Model;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// How CloudWatch names an Application Load Balancer's metrics, for the runner's readers (readiness and the canary
/// analysis): the namespace, the LoadBalancer and TargetGroup dimensions, and whole minutes (the metrics' period).
/// </summary>
internal static class ApplicationElbMetrics
{
    public const string Namespace = "AWS/ApplicationELB";

    public static Dimension LoadBalancer(string loadBalancerArnSuffix) => new() { Name = "LoadBalancer", Value = loadBalancerArnSuffix };

    /// <summary>A target group's metrics are published with both dimensions.</summary>
    public static List<Dimension> TargetGroup(TargetGroupRef group) =>
        [LoadBalancer(group.LoadBalancerArnSuffix), new Dimension { Name = "TargetGroup", Value = group.TargetGroupArnSuffix }];

    /// <summary>The minute <paramref name="time"/> falls in, or with <paramref name="up"/> the next whole minute unless it is one.</summary>
    public static DateTime Minute(DateTimeOffset time, bool up = false)
    {
        var utc = time.UtcDateTime;
        var floor = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        return up && floor < utc ? floor.AddMinutes(1) : floor;
    }
}
