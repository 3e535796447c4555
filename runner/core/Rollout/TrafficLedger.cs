namespace Infra.Runner.Rollout;

/// <summary>
/// What the load balancer may be doing per service: the weights last confirmed applied, plus the weights of any
/// update that failed part-way (it may or may not have reached that service's rule). This is what a failed
/// rollback reports, so the operator knows exactly which services are split and how.
/// </summary>
internal sealed class TrafficLedger
{
    private readonly Dictionary<string, List<TrafficWeights>> possible = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    /// <param name="known">Each service's weights as config holds them when this runner starts.</param>
    public TrafficLedger(IEnumerable<ServiceConfig> known)
    {
        foreach (var config in known)
        {
            order.Add(config.Name);
            possible[config.Name] = [config.Weights];
        }
    }

    public void Confirm(string service, TrafficWeights weights) => possible[service] = [weights];

    /// <summary>A failed update may have applied <paramref name="weights"/> to the service.</summary>
    public void MayHaveApplied(string service, TrafficWeights weights)
    {
        if (!possible[service].Contains(weights))
        {
            possible[service].Add(weights);
        }
    }

    /// <summary>"web at blue=50 green=50 (or blue=100 green=0 if a failed update reached it); api at ...".</summary>
    public string Describe() => string.Join("; ", order.Select(name => $"{name} at {DescribeService(name)}"));

    /// <summary>Per service "blue=50 green=50", alternatives after " | ", for the journal's data.</summary>
    public IReadOnlyDictionary<string, string> ToData() =>
        order.ToDictionary(name => name, name => string.Join(" | ", possible[name]));

    private string DescribeService(string name)
    {
        var weights = possible[name];
        return weights.Count == 1
            ? weights[0].ToString()
            : $"{weights[0]} (or {string.Join(", or ", weights.Skip(1))} if a failed update reached it)";
    }
}
