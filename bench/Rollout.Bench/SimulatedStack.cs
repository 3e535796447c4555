using Infra.Runner.Rollout;

namespace Rollout.Bench;

/// <summary>A targeted update as the simulated stack received it, with the weights config held at that moment.</summary>
internal sealed record SimulatedUpdate(DateTimeOffset At, IReadOnlyList<string> Targets, IReadOnlyDictionary<string, TrafficWeights> Weights);

/// <summary>
/// An in-memory stack: config per service, the rollout record as JSON, and a log of every targeted update. Like a
/// Pulumi stack, its outputs report the live color and weights config held at the last update. Its target groups
/// report a new color's tasks healthy <see cref="TaskStartUp"/> after the deploy, as Fargate would. Its load balancer
/// takes direct switches (a rollback's first move), logged with the simulated time they were made. It also counts the
/// requests the release ledger (state, rollout record and journal, in DynamoDB) would get, which take no simulated time.
/// </summary>
internal sealed class SimulatedStack : IStackOperations, ITargetHealthReader, ITrafficSwitch, IJournal
{
    public const int DesiredCount = 2;
    public static readonly TimeSpan TaskStartUp = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, ServiceConfig> configs;
    private readonly Dictionary<string, ServiceOutputs> deployed;
    private readonly TimeProvider clock;
    private string? record;

    public SimulatedStack(IReadOnlyList<string> services, TimeProvider clock)
    {
        this.clock = clock;
        configs = services.ToDictionary(name => name, name => new ServiceConfig(
            name, DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue), new ColorConfig($"{name}:1", true), new ColorConfig(null, false)));
        deployed = services.ToDictionary(name => name, name => new ServiceOutputs(
            name,
            [TrafficUrn(name)],
            $"urn:{name}:test-rule",
            Color(name, "blue"),
            Color(name, "green"),
            [$"{name}-error-rate"],
            $"http://127.0.0.1/{name}",
            DeployColor.Blue,
            TrafficWeights.AllTo(DeployColor.Blue),
            null,
            null,
            "/health")
        {
            DesiredCount = DesiredCount,
            Route = new TrafficRoute(TrafficRouteKind.Rule, $"arn:{name}:rule", $"arn:{name}:blue", $"arn:{name}:green"),
            // A pilot light, as production has: a rollback's last update applies the DR copy, after the timed switch.
            DrTier = new DrTierOutputs([$"urn:dr-{name}:rule"], $"urn:dr-{name}:test-rule", null,
                new DrColorUrns($"urn:dr-{name}:blue-taskdef", $"urn:dr-{name}:blue-service", $"urn:dr-{name}:blue-scaling"),
                new DrColorUrns($"urn:dr-{name}:green-taskdef", $"urn:dr-{name}:green-service", $"urn:dr-{name}:green-scaling")),
        });
    }

    public string StackName => "bench";

    public List<SimulatedUpdate> Updates { get; } = [];

    /// <summary>Every direct switch: when it was made, the route it changed and how many ledger requests were made before it.</summary>
    public List<(DateTimeOffset At, string RouteArn, TrafficWeights Weights, int LedgerCalls)> Switches { get; } = [];

    /// <summary>
    /// DynamoDB requests the ledger adapters would make so far: a read, a record write or a journal line is one; a change of
    /// the release state is a read and a conditional write.
    /// </summary>
    public int LedgerCalls { get; private set; }

    public Task SwitchAsync(TrafficRoute route, TrafficWeights weights, CancellationToken cancellationToken)
    {
        Switches.Add((clock.GetUtcNow(), route.Arn, weights, LedgerCalls));
        return Task.CompletedTask;
    }

    public Task AppendAsync(RolloutEvent rolloutEvent, CancellationToken cancellationToken) => Ledger(1);

    public static string TrafficUrn(string service) => $"urn:{service}:listener-rule";

    public Task<bool> ReadDrPromotedAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<StackOutputs> ReadOutputsAsync(CancellationToken cancellationToken) => Task.FromResult(new StackOutputs(deployed.ToDictionary()) { LoadBalancerArnSuffix = "app/bench/0" });

    public Task<ServiceConfig> ReadServiceConfigAsync(string service, CancellationToken cancellationToken)
    {
        LedgerCalls++;
        return Task.FromResult(configs[service]);
    }

    // The simulated stack has no program to reject a release.
    public Task RequireDeclarableAsync(IReadOnlyList<RolloutServiceRecord> moves, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetImageAsync(string service, DeployColor color, string? image, CancellationToken cancellationToken) =>
        Change(service, c => color == DeployColor.Blue ? c with { Blue = c.Blue with { Image = image } } : c with { Green = c.Green with { Image = image } });

    public Task SetRunningAsync(string service, DeployColor color, bool running, CancellationToken cancellationToken) =>
        Change(service, c => color == DeployColor.Blue ? c with { Blue = c.Blue with { Running = running } } : c with { Green = c.Green with { Running = running } });

    public Task SetWeightsAsync(string service, TrafficWeights weights, CancellationToken cancellationToken) =>
        Change(service, c => c with { Weights = weights });

    public Task SetLiveColorAsync(string service, DeployColor color, CancellationToken cancellationToken) =>
        Change(service, c => c with { LiveColor = color });

    public Task RecordTrafficAppliedAsync(IReadOnlyList<(string Service, DeployColor LiveColor, TrafficWeights Weights)> moved, CancellationToken cancellationToken)
    {
        foreach (var (service, liveColor, weights) in moved) configs[service] = configs[service] with { LiveColor = liveColor, Weights = weights };
        return Ledger(2);
    }

    public Task<RolloutRecord?> ReadRolloutRecordAsync(CancellationToken cancellationToken)
    {
        LedgerCalls++;
        return Task.FromResult(record is null ? null : RolloutRecordJson.Deserialize(record));
    }

    public Task WriteRolloutRecordAsync(RolloutRecord rolloutRecord, CancellationToken cancellationToken)
    {
        record = RolloutRecordJson.Serialize(rolloutRecord);
        return Ledger(1);
    }

    public Task ClearRolloutRecordAsync(CancellationToken cancellationToken)
    {
        record = null;
        return Ledger(1);
    }

    public Task ReleaseRolloutAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The benchmark runs one rollout with no other command: nothing ever asks it to stop or promote.
    public Task<ControlDelivery> RequestControlAsync(string rolloutId, RolloutControl control, CancellationToken cancellationToken) =>
        Task.FromResult(record is null ? ControlDelivery.NoRollout : ControlDelivery.Stored);

    // After the last switch, so outside what the bench times.
    public Task RefreshAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UpdateAsync(IReadOnlyList<string> targetUrns, CancellationToken cancellationToken)
    {
        Updates.Add(new SimulatedUpdate(clock.GetUtcNow(), targetUrns.ToList(), configs.ToDictionary(c => c.Key, c => c.Value.Weights)));
        foreach (var (name, config) in configs)
        {
            deployed[name] = deployed[name] with { LiveColor = config.LiveColor, Weights = config.Weights };
        }

        return Task.CompletedTask;
    }

    public Task<TargetHealth> ReadAsync(TargetGroupRef targetGroup, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(clock.GetUtcNow() >= since + TaskStartUp ? new TargetHealth(DesiredCount, 0) : new TargetHealth(0, 0));

    private static ColorOutputs Color(string service, string color) =>
        new($"urn:{service}:{color}-taskdef", $"urn:{service}:{color}-service", $"urn:{service}:{color}-scaling", [$"{service}-{color}-5xx"])
        {
            TargetGroupArnSuffix = TargetGroup(service, color),
        };

    /// <summary>The target group name the simulated metrics are keyed by.</summary>
    public static string TargetGroup(string service, string color) => $"targetgroup/{service}/{color}";

    /// <summary>The weight config holds for a target group now (the share of the service's traffic it gets).</summary>
    public int WeightOf(string service, DeployColor color) => color == DeployColor.Blue ? configs[service].Weights.Blue : configs[service].Weights.Green;

    private Task Change(string service, Func<ServiceConfig, ServiceConfig> change)
    {
        configs[service] = change(configs[service]);
        return Ledger(2);
    }

    private Task Ledger(int requests)
    {
        LedgerCalls += requests;
        return Task.CompletedTask;
    }
}
