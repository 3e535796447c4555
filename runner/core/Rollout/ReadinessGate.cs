namespace Infra.Runner.Rollout;

/// <summary>One service's readiness at one poll, and the counts it was judged on, for progress lines and the journal.</summary>
internal sealed record Readiness(string Service, bool Ready, string Detail);

/// <summary>
/// Pure rule deciding whether a new color may be smoke-tested: at least its desired count of healthy targets (one
/// per task) and no unhealthy one. A missing datapoint is not ready (fail closed): the smoke check must never race
/// tasks that are still starting.
/// </summary>
internal static class ReadinessGate
{
    public static Readiness Evaluate(string service, int desiredCount, TargetHealth health) => health switch
    {
        { Healthy: null } => new(service, false, $"{service}: no healthy-host datapoint yet, {desiredCount} tasks wanted"),
        { Unhealthy: null } => new(service, false, $"{service}: {health.Healthy} of {desiredCount} tasks healthy, no unhealthy-host datapoint yet"),
        _ => new(service, health.Healthy >= desiredCount && health.Unhealthy == 0,
            $"{service}: {health.Healthy} of {desiredCount} tasks healthy, {health.Unhealthy} unhealthy"),
    };
}
