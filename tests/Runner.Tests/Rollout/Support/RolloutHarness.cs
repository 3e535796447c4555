using Infra.Runner.Rollout;
using Moq;

namespace Runner.Tests.Rollout.Support;

/// <summary>A targeted update as the mocked stack saw it: what it targeted, when, and the weights and live colors config held at that moment.</summary>
internal sealed record UpdateCall(
    IReadOnlyList<string> Targets, DateTimeOffset At, IReadOnlyDictionary<string, TrafficWeights> Weights, IReadOnlyDictionary<string, DeployColor> LiveColors)
{
    /// <summary>Every service's state as the update declared it (what the program reads from the ledger).</summary>
    public IReadOnlyDictionary<string, ServiceConfig> Declared { get; init; } = new Dictionary<string, ServiceConfig>();

    /// <summary>
    /// The weight changes this update made on the load balancer: per targeted service whose declared weights differ
    /// from what the load balancer held, from and to. Empty when the update found the traffic already as declared.
    /// </summary>
    public IReadOnlyDictionary<string, (TrafficWeights From, TrafficWeights To)> WeightChanges { get; init; } =
        new Dictionary<string, (TrafficWeights, TrafficWeights)>();

    /// <summary>
    /// The weight changes this update reported, as Pulumi does: per targeted service whose declared weights differ from
    /// Pulumi's state (the last update's, or the load balancer's after a refresh). Empty: the update shows no change.
    /// </summary>
    public IReadOnlyDictionary<string, (TrafficWeights From, TrafficWeights To)> ReportedChanges { get; init; } =
        new Dictionary<string, (TrafficWeights, TrafficWeights)>();
}

/// <summary>A targeted refresh as the mocked stack saw it: its targets, and how many updates and direct switches came before it.</summary>
internal sealed record RefreshCall(IReadOnlyList<string> Targets, int UpdatesBefore, int SwitchesBefore);

/// <summary>A direct traffic switch as the fake load balancer's API received it, the rollout phase stored and the updates made before it.</summary>
internal sealed record SwitchCall(TrafficRoute Route, TrafficWeights Weights, RolloutPhase? PhaseStored, int UpdatesBefore);

/// <summary>
/// Moq stand-ins for the stack, CloudWatch, the smoke check, Slack and the journal, backed by in-memory state so tests
/// can assert what the engine changed. The rollout record goes through <see cref="RolloutRecordJson"/> like real stack config.
/// </summary>
internal sealed class RolloutHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public RolloutHarness(params string[] services)
    {
        foreach (var name in services)
        {
            Given(new ServiceConfig(name, DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue),
                new ColorConfig($"{name}:1", true), new ColorConfig(null, false)));
        }

        MockStack();
        Alarms.Setup(a => a.Region).Returns("eu-west-1");
        Alarms.Setup(a => a.ReadStatesAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<string> names, CancellationToken _) =>
            {
                AlarmReads.Add(Time.GetUtcNow());
                return names.ToDictionary(name => name, name => AlarmState(name, Time.GetUtcNow()));
            });
        Smoke.Setup(s => s.RunAsync(It.IsAny<SmokeTarget>(), It.IsAny<SmokeCheckSettings>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmokeTarget target, SmokeCheckSettings _, CancellationToken _) =>
            {
                SmokeTargets.Add(target);
                return SmokeResult(target.Url);
            });
        Notifier.Setup(n => n.NotifyAsync(It.IsAny<NotificationSeverity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((NotificationSeverity severity, string message, CancellationToken _) => Notifications.Add((severity, message)))
            .Returns(Task.CompletedTask);
        TargetHealth.Setup(t => t.ReadAsync(It.IsAny<TargetGroupRef>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TargetGroupRef group, DateTimeOffset since, CancellationToken _) =>
            {
                HealthReads.Add((group, since, Time.GetUtcNow()));
                return Health(group, since);
            });
        Metrics.Setup(m => m.ReadAsync(It.IsAny<MetricsQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MetricsQuery query, CancellationToken _) =>
            {
                MetricsQueries.Add(query);
                return new LoadBalancerMetrics(Elb5xx(query.From, query.To),
                    query.TargetGroups.ToDictionary(g => g, g => TargetGroupMetrics(g, query.From, query.To)));
            });
        Switch.Setup(s => s.SwitchAsync(It.IsAny<TrafficRoute>(), It.IsAny<TrafficWeights>(), It.IsAny<CancellationToken>()))
            .Returns((TrafficRoute route, TrafficWeights weights, CancellationToken _) =>
            {
                Switches.Add(new SwitchCall(route, weights, Record?.Phase, Updates.Count));
                if (SwitchFault(route) is { } fault) return Task.FromException(fault);
                Balancer[Balancer.Keys.Single(name => RouteFor(name).Arn == route.Arn)] = weights;
                return Task.CompletedTask;
            });
        Journal.Setup(j => j.AppendAsync(It.IsAny<RolloutEvent>(), It.IsAny<CancellationToken>()))
            .Callback((RolloutEvent e, CancellationToken _) => Events.Add(e))
            .Returns(Task.CompletedTask);
    }

    public AutoAdvancingTimeProvider Time { get; } = new(Start);

    public Mock<IStackOperations> Stack { get; } = new(MockBehavior.Strict);

    public Mock<IAlarmReader> Alarms { get; } = new(MockBehavior.Strict);

    public Mock<ISmokeCheck> Smoke { get; } = new(MockBehavior.Strict);

    public Mock<INotifier> Notifier { get; } = new(MockBehavior.Strict);

    public Mock<IJournal> Journal { get; } = new(MockBehavior.Strict);

    public Mock<ITargetHealthReader> TargetHealth { get; } = new(MockBehavior.Strict);

    /// <summary>The load balancer's API: switches the fake load balancer's weights unless <see cref="SwitchFault"/> says it fails.</summary>
    public Mock<ITrafficSwitch> Switch { get; } = new(MockBehavior.Strict);

    /// <summary>Whether the engine gets <see cref="Switch"/> (a rollback's direct switch); off by default, as before it existed.</summary>
    public bool DirectSwitch { get; set; }

    /// <summary>Given the route a switch is asked to change, an exception to fail it with, or null.</summary>
    public Func<TrafficRoute, Exception?> SwitchFault { get; set; } = _ => null;

    public List<SwitchCall> Switches { get; } = [];

    /// <summary>The weights the load balancer holds per service: moved by targeted updates of the service's rule and by direct switches.</summary>
    public Dictionary<string, TrafficWeights> Balancer { get; } = new();

    /// <summary>The weights Pulumi's state holds per service: those of the last update of its rule, or the load balancer's after a refresh of it.</summary>
    public Dictionary<string, TrafficWeights> PulumiState { get; } = new();

    public List<RefreshCall> Refreshes { get; } = [];

    /// <summary>Given the refresh's targets, an exception to fail it with, or null.</summary>
    public Func<IReadOnlyList<string>, Exception?> RefreshFault { get; set; } = _ => null;

    /// <summary>Every change recorded as applied outside an update (after a direct switch): service, live color, weights.</summary>
    public List<IReadOnlyList<(string Service, DeployColor LiveColor, TrafficWeights Weights)>> AppliedRecords { get; } = [];

    /// <summary>The weights carrier of a service, as the stack exports it for the load balancer's API.</summary>
    public static TrafficRoute RouteFor(string name) => new(TrafficRouteKind.Rule,
        $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/infra-production/0123456789abcdef/{name}",
        $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:{TargetGroup(name, DeployColor.Blue)}",
        $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:{TargetGroup(name, DeployColor.Green)}");

    /// <summary>Tasks each service's new color must run, as the stack exports it.</summary>
    public const int DesiredCount = 2;

    /// <summary>A target group's health when read (given the deploy time the reader is asked about); all tasks healthy unless a test says otherwise.</summary>
    public Func<TargetGroupRef, DateTimeOffset, TargetHealth> Health { get; set; } = (_, _) => new TargetHealth(DesiredCount, 0);

    /// <summary>Every target health read: which target group, measured since when, and when it was read.</summary>
    public List<(TargetGroupRef Group, DateTimeOffset Since, DateTimeOffset At)> HealthReads { get; } = [];

    public Dictionary<string, ServiceConfig> Configs { get; } = new();

    /// <summary>The live color and weights the deployed stack reports per service: config as of the last successful update.</summary>
    public Dictionary<string, (DeployColor LiveColor, TrafficWeights Weights)> Deployed { get; } = new();

    public StackOutputs Outputs => StackOutputsOverride(new(Deployed.ToDictionary(
        d => d.Key, d => OutputsOverride(OutputsFor(d.Key)) with { LiveColor = d.Value.LiveColor, Weights = d.Value.Weights }))
    {
        LoadBalancerArnSuffix = LoadBalancer,
        PrimaryDatabaseId = DatabaseId,
        ReplicaDatabaseId = DrDatabaseId,
        ReplicaDatabaseRegion = DrRegion,
        TaskNetwork = TaskNetwork,
    });

    /// <summary>Changes the stack-wide outputs (the databases, the task network) the engine reads.</summary>
    public Func<StackOutputs, StackOutputs> StackOutputsOverride { get; set; } = outputs => outputs;

    public const string LoadBalancer = "app/infra-production/0123456789abcdef";

    /// <summary>The target group ARN suffix the harness exports for a service's color, as the metrics are keyed.</summary>
    public static string TargetGroup(string service, DeployColor color) => $"targetgroup/{service}-{color.ConfigName()}/0123456789abcdef";

    public Mock<ITargetGroupMetrics> Metrics { get; } = new(MockBehavior.Strict);

    /// <summary>Every metrics query the engine made, in order.</summary>
    public List<MetricsQuery> MetricsQueries { get; } = [];

    /// <summary>
    /// A target group's metrics over a window, given its ARN suffix; by default every color serves 60 requests a minute
    /// without errors at a p99 of 100 ms with two healthy targets, which passes every analysis.
    /// </summary>
    public Func<string, DateTimeOffset, DateTimeOffset, TargetGroupMetrics> TargetGroupMetrics { get; set; } =
        (_, from, to) => new TargetGroupMetrics(Math.Round((to - from).TotalMinutes * 60), 0, 0, 0.1, 2);

    /// <summary>The load balancer's own 5xx over a window; none by default.</summary>
    public Func<DateTimeOffset, DateTimeOffset, double> Elb5xx { get; set; } = (_, _) => 0;

    /// <summary>The record as stack config holds it: serialized JSON, or null.</summary>
    public string? StoredRecord { get; set; }

    public RolloutRecord? Record => StoredRecord is null ? null : RolloutRecordJson.Deserialize(StoredRecord);

    public List<UpdateCall> Updates { get; } = [];

    /// <summary>Whether a live runner holds the stored rollout, so a control request reaches it rather than being acted on here.</summary>
    public bool HeldByRunningRunner { get; set; }

    /// <summary>How often the engine gave up its hold on the rollout (on interruption).</summary>
    public int Releases { get; private set; }

    public List<DateTimeOffset> AlarmReads { get; } = [];

    public List<SmokeTarget> SmokeTargets { get; } = [];

    /// <summary>Replaces what the stack exports for a service (e.g. its host or path pattern); the deployed live color and weights still apply.</summary>
    public Func<ServiceOutputs, ServiceOutputs> OutputsOverride { get; set; } = outputs => outputs;

    public List<RolloutEvent> Events { get; } = [];

    public List<(NotificationSeverity Severity, string Message)> Notifications { get; } = [];

    public List<RolloutProgress> Progress { get; } = [];

    /// <summary>State of an alarm at a time; every alarm is OK unless a test says otherwise.</summary>
    public Func<string, DateTimeOffset, AlarmState> AlarmState { get; set; } = (_, _) => Infra.Runner.Rollout.AlarmState.Ok;

    public Func<string, SmokeCheckResult> SmokeResult { get; set; } = _ => new SmokeCheckResult(true, "3 x 200");

    /// <summary>Given the 1-based update number and its targets, an exception to fail that update with, or null.</summary>
    public Func<int, IReadOnlyList<string>, Exception?> UpdateFault { get; set; } = (_, _) => null;

    public RolloutEngine Engine => new(new RolloutPorts(
        Stack.Object, Alarms.Object, Metrics.Object, Smoke.Object, Notifier.Object, Journal.Object, Time, new SyncProgress(Progress))
    {
        TargetHealth = TargetHealth.Object,
        TrafficSwitch = DirectSwitch ? Switch.Object : null,
        Snapshots = Snapshots,
        Tasks = Tasks,
        Webhooks = Webhooks,
    });

    /// <summary>The webhook sender the engine gets (a real HTTPS sender in the webhook tests); none by default.</summary>
    public IWebhookSender? Webhooks { get; set; }

    /// <summary>RDS's snapshots of the primary (the pre-release snapshot and pruning).</summary>
    public FakeSnapshots Snapshots => snapshots ??= new FakeSnapshots(Time);

    /// <summary>ECS one-off tasks (the migration).</summary>
    public FakeMigrationTasks Tasks => tasks ??= new FakeMigrationTasks(Time);

    private FakeSnapshots? snapshots;
    private FakeMigrationTasks? tasks;

    public const string DatabaseId = "infra-production-db";

    /// <summary>The DR region's database (<c>database.replica</c>), the writer once the ledger says drPromoted.</summary>
    public const string DrDatabaseId = "infra-production-db-dr";

    public const string DrRegion = "eu-central-1";

    /// <summary>The release ledger's drPromoted: true after a failover.</summary>
    public bool DrPromoted { get; set; }

    /// <summary>Why the program would reject the release a deploy asks for (the adapter validates it against the stack file), or null.</summary>
    public string? ReleaseRejection { get; set; }

    /// <summary>The moves whose release was checked before the deploy took the rollout.</summary>
    public List<RolloutServiceRecord> CheckedMoves { get; } = [];

    public static readonly TaskNetwork TaskNetwork = new("infra-production", ["subnet-a", "subnet-b"], "sg-tasks");

    public static RolloutPlan Plan(params string[] services) =>
        RolloutPlanParser.Parse(new RolloutArguments { Services = services });

    public static IReadOnlyList<string> TrafficUrns(params string[] services) =>
        services.Select(name => $"urn:{name}:listener-rule").ToList();

    /// <summary>Gives every service a copy in the DR region (<c>services.NAME.drTier</c>), as a stack with a pilot light exports.</summary>
    public RolloutHarness WithDrTier()
    {
        OutputsOverride = outputs => outputs with { DrTier = DrTierFor(outputs.Name) };
        return this;
    }

    public static DrTierOutputs DrTierFor(string name) => new(
        [$"urn:dr-{name}:listener-rule"], $"urn:dr-{name}:test-rule", $"urn:dr-{name}:preview-rule",
        new DrColorUrns($"urn:dr-{name}:blue-taskdef", $"urn:dr-{name}:blue-service", $"urn:dr-{name}:blue-scaling"),
        new DrColorUrns($"urn:dr-{name}:green-taskdef", $"urn:dr-{name}:green-service", $"urn:dr-{name}:green-scaling"));

    /// <summary>What the update of the services' DR copies targets, in order.</summary>
    public static IReadOnlyList<string> DrTierUrns(params string[] services) => services.SelectMany(name => DrTierFor(name).Urns).ToList();

    /// <summary>The updates of the DR copies: the ones that target a DR task definition.</summary>
    public IEnumerable<UpdateCall> DrTierUpdates => Updates.Where(u => u.Targets.Any(t => t.StartsWith("urn:dr-", StringComparison.Ordinal)));

    public IEnumerable<UpdateCall> TrafficUpdates => Updates.Where(u => u.Targets.All(t => t.EndsWith(":listener-rule", StringComparison.Ordinal)));

    public RolloutEvent Event(RolloutEventKind kind) => Assert.Single(Events, e => e.Kind == kind);

    /// <summary>
    /// Rollout r-1 of web:2 from blue to green, stored in <paramref name="phase"/> as a runner left it; its phase
    /// started at <paramref name="phaseStarted"/> (default <see cref="Start"/>).
    /// </summary>
    public void GivenRecord(RolloutPhase phase, DateTimeOffset? phaseStarted = null)
    {
        var started = phaseStarted ?? Start;
        StoredRecord = RolloutRecordJson.Serialize(new RolloutRecord("r-1", started, Plan("web=web:2"),
            [new RolloutServiceRecord("web", DeployColor.Blue, DeployColor.Green, "web:2", new ColorConfig(null, false))],
            phase, 0, started, PromotionRequest.None));
    }

    /// <summary>A service whose stack file and deployed stack agree on <paramref name="config"/>.</summary>
    public void Given(ServiceConfig config)
    {
        Configs[config.Name] = config;
        Deployed[config.Name] = (config.LiveColor, config.Weights);
        Balancer[config.Name] = config.Weights;
        PulumiState[config.Name] = config.Weights;
    }

    private static ServiceOutputs OutputsFor(string name) => new(
        name,
        [$"urn:{name}:listener-rule"],
        $"urn:{name}:test-rule",
        Color(name, DeployColor.Blue),
        Color(name, DeployColor.Green),
        [$"{name}-error-rate"],
        $"https://test.example:8443/{name}/",
        DeployColor.Blue,
        TrafficWeights.AllTo(DeployColor.Blue),
        null,
        null,
        "/health")
    {
        DesiredCount = DesiredCount,
        Route = RouteFor(name),
        ContainerName = name,
        LogGroupName = $"/ecs/infra-production/{name}",
    };

    private static ColorOutputs Color(string name, DeployColor color)
    {
        var prefix = $"{name}:{color.ConfigName()}";
        return new ColorOutputs($"urn:{prefix}-taskdef", $"urn:{prefix}-service", $"urn:{prefix}-scaling",
            [$"{name}-{color.ConfigName()}-5xx", $"{name}-{color.ConfigName()}-unhealthy"])
        {
            TargetGroupArnSuffix = TargetGroup(name, color),
            TaskDefinitionArn = $"arn:aws:ecs:eu-west-1:123456789012:task-definition/infra-production-{name}-{color.ConfigName()}:7",
        };
    }

    private void MockStack()
    {
        Stack.Setup(s => s.StackName).Returns("production");
        Stack.Setup(s => s.ReadOutputsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Outputs);
        Stack.Setup(s => s.ReadDrPromotedAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => DrPromoted);
        Stack.Setup(s => s.RequireDeclarableAsync(It.IsAny<IReadOnlyList<RolloutServiceRecord>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<RolloutServiceRecord> moves, CancellationToken _) =>
            {
                CheckedMoves.AddRange(moves);
                return ReleaseRejection is { } reason ? Task.FromException(new RolloutInputException(reason)) : Task.CompletedTask;
            });
        Stack.Setup(s => s.ReadServiceConfigAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string name, CancellationToken _) => Configs[name]);
        Stack.Setup(s => s.SetImageAsync(It.IsAny<string>(), It.IsAny<DeployColor>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((string name, DeployColor color, string? image, CancellationToken _) =>
                UpdateColor(name, color, c => c with { Image = image }))
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.SetRunningAsync(It.IsAny<string>(), It.IsAny<DeployColor>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((string name, DeployColor color, bool running, CancellationToken _) =>
                UpdateColor(name, color, c => c with { Running = running }))
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.SetWeightsAsync(It.IsAny<string>(), It.IsAny<TrafficWeights>(), It.IsAny<CancellationToken>()))
            .Callback((string name, TrafficWeights weights, CancellationToken _) => Configs[name] = Configs[name] with { Weights = weights })
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.SetLiveColorAsync(It.IsAny<string>(), It.IsAny<DeployColor>(), It.IsAny<CancellationToken>()))
            .Callback((string name, DeployColor color, CancellationToken _) => Configs[name] = Configs[name] with { LiveColor = color })
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.RecordTrafficAppliedAsync(It.IsAny<IReadOnlyList<(string, DeployColor, TrafficWeights)>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<(string Service, DeployColor LiveColor, TrafficWeights Weights)> moved, CancellationToken _) =>
            {
                AppliedRecords.Add(moved);
                foreach (var (name, color, weights) in moved) Configs[name] = Configs[name] with { LiveColor = color, Weights = weights };
            })
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.ReadRolloutRecordAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Record);
        Stack.Setup(s => s.WriteRolloutRecordAsync(It.IsAny<RolloutRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RolloutRecord record, CancellationToken _) => StoredRecord = RolloutRecordJson.Serialize(record))
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.ClearRolloutRecordAsync(It.IsAny<CancellationToken>())).Callback(() => StoredRecord = null).Returns(Task.CompletedTask);
        Stack.Setup(s => s.ReleaseRolloutAsync(It.IsAny<CancellationToken>())).Callback(() => Releases++).Returns(Task.CompletedTask);
        Stack.Setup(s => s.RequestControlAsync(It.IsAny<string>(), It.IsAny<RolloutControl>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, RolloutControl control, CancellationToken _) =>
            {
                if (Record is not { } record) return ControlDelivery.NoRollout;
                StoredRecord = RolloutRecordJson.Serialize(control switch
                {
                    RolloutControl.Promote => record with { Promotion = PromotionRequest.SkipBake },
                    RolloutControl.PromoteFull => record with { Promotion = PromotionRequest.Full },
                    _ => record with { StopRequest = new RolloutStopRequest(control.Name(), "ops-laptop (pid 4242)") },
                });
                return HeldByRunningRunner ? ControlDelivery.ToRunningRunner : ControlDelivery.Stored;
            });
        Stack.Setup(s => s.RefreshAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> targets, CancellationToken _) =>
            {
                Refreshes.Add(new RefreshCall(targets.ToList(), Updates.Count, Switches.Count));
                if (RefreshFault(targets) is { } fault) return Task.FromException(fault);
                foreach (var name in Balancer.Keys.Where(name => targets.Contains($"urn:{name}:listener-rule"))) PulumiState[name] = Balancer[name];
                return Task.CompletedTask;
            });
        Stack.Setup(s => s.UpdateAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> targets, CancellationToken _) =>
            {
                // The traffic an update moves: rules whose declared weights differ from what the load balancer holds. (Pulumi
                // diffs against its saved state, so after a direct switch it still re-sends the same action, which moves nothing.)
                var changes = Configs
                    .Where(c => targets.Contains($"urn:{c.Key}:listener-rule") && c.Value.Weights != Balancer[c.Key])
                    .ToDictionary(c => c.Key, c => (Balancer[c.Key], c.Value.Weights));
                var reported = Configs
                    .Where(c => targets.Contains($"urn:{c.Key}:listener-rule") && c.Value.Weights != PulumiState[c.Key])
                    .ToDictionary(c => c.Key, c => (PulumiState[c.Key], c.Value.Weights));
                Updates.Add(new UpdateCall(targets.ToList(), Time.GetUtcNow(),
                    Configs.ToDictionary(c => c.Key, c => c.Value.Weights), Configs.ToDictionary(c => c.Key, c => c.Value.LiveColor))
                {
                    Declared = new Dictionary<string, ServiceConfig>(Configs),
                    WeightChanges = changes,
                    ReportedChanges = reported,
                });
                var fault = UpdateFault(Updates.Count, targets);
                if (fault is not null)
                {
                    return Task.FromException(fault);
                }

                foreach (var (name, (_, to)) in changes) Balancer[name] = to;
                foreach (var (name, (_, to)) in reported) PulumiState[name] = to;

                // Like Pulumi, every update re-exports the stack outputs from the config it ran with.
                foreach (var (name, config) in Configs)
                {
                    Deployed[name] = (config.LiveColor, config.Weights);
                }

                return Task.CompletedTask;
            });
    }

    private void UpdateColor(string name, DeployColor color, Func<ColorConfig, ColorConfig> change)
    {
        var config = Configs[name];
        Configs[name] = color == DeployColor.Blue ? config with { Blue = change(config.Blue) } : config with { Green = change(config.Green) };
    }

    /// <summary>Collects progress on the reporting thread (Progress&lt;T&gt; would post to the thread pool and race the asserts).</summary>
    private sealed class SyncProgress(List<RolloutProgress> sink) : IProgress<RolloutProgress>
    {
        public void Report(RolloutProgress value) => sink.Add(value);
    }
}
