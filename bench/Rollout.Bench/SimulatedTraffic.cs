using Infra.Runner.Rollout;

namespace Rollout.Bench;

/// <summary>What the simulated new color does wrong, if anything.</summary>
internal enum CanaryFault
{
    None,

    /// <summary>3 to 10 times the live color's error rate, plus 1 to 3 points.</summary>
    Errors,

    /// <summary>p99 2.5 to 5 times the live color's.</summary>
    Latency,

    /// <summary>The load balancer answers 503 for 2 to 10% of the new color's requests (targets that drop or refuse).</summary>
    LoadBalancer503,

    /// <summary>No target of the new color is healthy.</summary>
    NoHealthyTargets,
}

/// <summary>
/// Seeded load-balancer traffic per minute: each service gets <paramref name="requestsPerMinute"/> requests split by
/// the weights config holds when the minute is first read, with Poisson-like noise; the live color fails a baseline
/// share of requests (0 to <paramref name="maxLiveErrorRate"/>, 0.5% by default) at a p99 near 200 ms (log-normal
/// per minute, <paramref name="latencySpread"/>); the new color behaves the same unless <paramref name="fault"/>
/// says otherwise. Minutes are drawn once and kept, so overlapping windows read the same traffic.
/// </summary>
internal sealed class SimulatedTraffic(
    SimulatedStack stack, TimeProvider clock, Random random, double requestsPerMinute, CanaryFault fault,
    double maxLiveErrorRate = 0.005, double latencySpread = 0.15)
    : ITargetGroupMetrics
{
    private readonly Dictionary<(string Group, DateTimeOffset Minute), Minute> minutes = [];
    private readonly double liveErrorRate = random.NextDouble() * maxLiveErrorRate;
    private readonly double errorFactor = 3 + random.NextDouble() * 7;
    private readonly double errorPoints = 0.01 + random.NextDouble() * 0.02;
    private readonly double latencyFactor = 2.5 + random.NextDouble() * 2.5;
    private readonly double elbShare = 0.02 + random.NextDouble() * 0.08;

    private sealed record Minute(double Requests, double Errors, double Elb503, double P99);

    public Task<LoadBalancerMetrics> ReadAsync(MetricsQuery query, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, TargetGroupMetrics>();
        double elb = 0;
        foreach (var group in query.TargetGroups)
        {
            var read = MinutesOf(group, query.From, query.To).ToList();
            elb += read.Sum(m => m.Elb503);
            var requests = read.Sum(m => m.Requests);
            var isNew = IsNew(group);
            var healthy = fault == CanaryFault.NoHealthyTargets && isNew ? 0 : 2;
            groups[group] = new TargetGroupMetrics(requests, read.Sum(m => m.Errors), 0,
                requests > 0 ? read.Where(m => m.Requests > 0).Max(m => m.P99) : null, healthy);
        }

        return Task.FromResult(new LoadBalancerMetrics(elb, groups));
    }

    // Blue is live when every bench rollout starts, so green is the new color.
    private static bool IsNew(string group) => group.EndsWith("/green", StringComparison.Ordinal);

    private IEnumerable<Minute> MinutesOf(string group, DateTimeOffset from, DateTimeOffset to)
    {
        var start = new DateTimeOffset(from.UtcTicks - from.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        for (var minute = start; minute < to && minute <= clock.GetUtcNow(); minute = minute.AddMinutes(1))
        {
            if (!minutes.TryGetValue((group, minute), out var drawn))
            {
                minutes[(group, minute)] = drawn = Draw(group);
            }

            yield return drawn;
        }
    }

    private Minute Draw(string group)
    {
        var parts = group.Split('/');
        var color = parts[2] == "green" ? DeployColor.Green : DeployColor.Blue;
        var isNew = IsNew(group);
        var requests = Count(requestsPerMinute * stack.WeightOf(parts[1], color) / 100.0);
        var rate = isNew && fault == CanaryFault.Errors ? Math.Min(1, liveErrorRate * errorFactor + errorPoints) : liveErrorRate;
        var elb503 = isNew && fault == CanaryFault.LoadBalancer503 ? Count(requests * elbShare) : 0;
        var p99 = 0.2 * Math.Exp(latencySpread * Gauss()) * (isNew && fault == CanaryFault.Latency ? latencyFactor : 1);
        return new Minute(requests, Count(requests * rate), elb503, p99);
    }

    // Poisson-like count: the mean with a normal spread of its square root, never negative.
    private double Count(double mean) => mean <= 0 ? 0 : Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * Gauss()));

    private double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
