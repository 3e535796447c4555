namespace Infra.Runner.Rollout;

/// <summary>What a step does when the new color served too few requests to judge it.</summary>
public enum InconclusivePolicy
{
    /// <summary>After the longest extension the step fails and every service rolls back.</summary>
    Fail,

    /// <summary>After the longest extension the rollout waits, gates still watched, until promote or abort from any machine.</summary>
    Pause,
}

/// <summary>
/// How a step's canary analysis judges the new color against the live color on the same load balancer (from the
/// stack's <c>infra:rollout</c>): fewer than <see cref="MinRequestsPerStep"/> requests is inconclusive, extending the
/// bake by up to <see cref="MaxInconclusive"/>; an error rate above max(live rate × <see cref="ErrorRateRatio"/>,
/// <see cref="ErrorRateFloorPercent"/>%) or a p99 above live p99 × <see cref="LatencyRatio"/> fails.
/// </summary>
public sealed record CanarySettings(
    int MinRequestsPerStep,
    TimeSpan MaxInconclusive,
    InconclusivePolicy OnInconclusive,
    double ErrorRateRatio,
    double ErrorRateFloorPercent,
    double LatencyRatio)
{
    /// <summary>The defaults the stack settings document; also what a record stored before the analysis existed gets.</summary>
    public static CanarySettings Default { get; } = new(50, TimeSpan.FromMinutes(10), InconclusivePolicy.Fail, 2, 1, 2);
}
