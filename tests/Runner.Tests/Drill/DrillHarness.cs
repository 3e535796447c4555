using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Dr;

namespace Runner.Tests.Drill;

/// <summary>
/// Moq stand-ins for the stack, CloudWatch's replica lag, the DR health check, the journal, Slack, the ledger's
/// report and the report files; fakes of the marker databases and RDS's point-in-time restore; and failover's AWS (<see cref="DrWorld"/>,
/// which records its calls in <see cref="World"/>), around a drillable stack. Everything runs under one
/// <see cref="VirtualClock"/>, so the marker writer and failover interleave the same way on every run; the health check
/// takes <see cref="HealthTakes"/>; the promoted replica holds the markers written up to <see cref="ReplicaBehind"/>
/// before the promote call stopped the writer.
/// </summary>
internal sealed class DrillHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public const string PrimaryHost = "staging-db.abc.eu-west-1.rds.amazonaws.com";

    public const string ReplicaHost = "staging-db-replica.abc.eu-central-1.rds.amazonaws.com";

    public DrillHarness()
    {
        Markers = new FakeMarkerDatabases(PrimaryHost);
        Restore = new FakePointInTimeRestore(Time, Markers);
        Markers.AddCopy(ReplicaHost, m => MarkersStoppedAt is { } at && m.WrittenAt <= at - ReplicaBehind);
        World.Instances[(DrWorld.Primary, "staging-db")] = new DrWorld.Instance("available", DrWorld.Arn(DrWorld.Primary, "staging-db"), null, ResourceId: "db-STAGINGPRIMARY");
        World.Instances[(DrWorld.Dr, "staging-db-replica")] =
            new DrWorld.Instance("available", DrWorld.Arn(DrWorld.Dr, "staging-db-replica"), DrWorld.Arn(DrWorld.Primary, "staging-db"), ResourceId: "db-STAGINGREPLICA");
        World.Services[(DrWorld.Primary, "staging-web-blue")] = new DrWorld.Counts(2, 2);
        World.Services[(DrWorld.Dr, "staging-dr-web-blue")] = new DrWorld.Counts(0, 0);
        Stack.Setup(s => s.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => State);
        Lag.Setup(l => l.ReadMaxAsync(It.IsAny<ReplicaLagQuery>(), It.IsAny<CancellationToken>()))
            .Callback((ReplicaLagQuery query, CancellationToken _) => LagQueries.Add(query))
            .ReturnsAsync(() => LagReading);
        Health.Setup(h => h.RunAsync(It.IsAny<SmokeTarget>(), It.IsAny<SmokeCheckSettings>(), It.IsAny<CancellationToken>()))
            .Returns(async (SmokeTarget target, SmokeCheckSettings settings, CancellationToken t) =>
            {
                HealthCalls.Add((target, settings));
                await Task.Delay(HealthTakes, Time, t);
                return HealthResult;
            });
        Journal.Setup(j => j.AppendAsync(It.IsAny<DrillEvent>(), It.IsAny<CancellationToken>()))
            .Callback((DrillEvent e, CancellationToken _) => Events.Add(e))
            .Returns(Task.CompletedTask);
        Notifier.Setup(n => n.NotifyAsync(It.IsAny<NotificationSeverity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((NotificationSeverity severity, string message, CancellationToken _) =>
            {
                Notifications.Add((severity, message));
                Deliveries.Add("pager");
            })
            .Returns(Task.CompletedTask);
        Reports.Setup(r => r.RecordAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string json, CancellationToken _) =>
            {
                LedgerReports.Add(json);
                Deliveries.Add("ledger");
            })
            .Returns(Task.CompletedTask);
        Files.Setup(f => f.WriteAsync(It.IsAny<string>(), It.IsAny<string>()))
            .Callback((string markdown, string json) =>
            {
                ReportFiles.Add((markdown, json));
                Deliveries.Add("files");
            })
            .Returns(Task.CompletedTask);
    }

    public VirtualClock Time { get; } = new(Start);

    /// <summary>Failover's AWS: both regions' RDS and ECS, Route 53, the ledger's promotion and the pager.</summary>
    public DrWorld World { get; } = new();

    public static readonly DrTopology Topology = new("staging",
        new DrRegionSide(DrWorld.Primary, "staging-db", "staging", [new DrService("web", "staging-web-blue", 2)]),
        new DrRegionSide(DrWorld.Dr, "staging-db-replica", "staging-dr", [new DrService("web", "staging-dr-web-blue", 2)]),
        "hc-1", "https://staging.example.com/healthz");

    public Mock<IDrillStack> Stack { get; } = new(MockBehavior.Strict);

    public Mock<IReplicaLagReader> Lag { get; } = new(MockBehavior.Strict);

    public Mock<ISmokeCheck> Health { get; } = new(MockBehavior.Strict);

    public Mock<IDrillJournal> Journal { get; } = new(MockBehavior.Strict);

    public Mock<INotifier> Notifier { get; } = new(MockBehavior.Strict);

    public Mock<IDrillReportLedger> Reports { get; } = new(MockBehavior.Strict);

    public Mock<IDrillReportFiles> Files { get; } = new(MockBehavior.Strict);

    public FakeMarkerDatabases Markers { get; }

    public FakePointInTimeRestore Restore { get; }

    public DrillStackState State { get; set; } = new(
        "staging", "eu-west-1", "eu-central-1", Replica: true, PilotLight: true, Promote: false, RolloutInProgressId: null,
        "/healthz", "http://dr-alb.example.com", "staging-db-replica",
        new DrillTargets(TimeSpan.FromMinutes(45), TimeSpan.FromSeconds(60)),
        "staging-db", $"{PrimaryHost}:5432", $"{ReplicaHost}:5432", Topology);

    public ReplicaLagReading? LagReading { get; set; } = new(4.5, 5);

    /// <summary>How far behind the primary the replica was at the promote call: it holds markers written up to then.</summary>
    public TimeSpan ReplicaBehind { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When the drill stopped its marker writer (failover's promote call, or the restore time chosen).</summary>
    public DateTimeOffset? MarkersStoppedAt => Events.LastOrDefault(e => e.Kind == DrillEventKind.MarkersStopped)?.At;

    public TimeSpan HealthTakes { get; set; } = TimeSpan.FromSeconds(90);

    public SmokeCheckResult HealthResult { get; set; } = new(true, "3 x 2xx in a row after 7 request(s) in 90s");

    public List<ReplicaLagQuery> LagQueries { get; } = [];

    public List<(SmokeTarget Target, SmokeCheckSettings Settings)> HealthCalls { get; } = [];

    public List<DrillEvent> Events { get; } = [];

    public List<(NotificationSeverity Severity, string Message)> Notifications { get; } = [];

    public List<string> LedgerReports { get; } = [];

    public List<(string Markdown, string Json)> ReportFiles { get; } = [];

    /// <summary>Where the finished report went, in order: "files", "pager", "ledger".</summary>
    public List<string> Deliveries { get; } = [];

    public Task<DrillResult> RunAsync(DrillOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Time.Run(() => new DrillEngine(new DrillPorts(Stack.Object, Lag.Object, Health.Object, Markers, Restore,
            World.Ports with { Time = Time }, Journal.Object, Notifier.Object, Reports.Object, Files.Object, Time)).RunAsync(options ?? new DrillOptions(), cancellationToken)));

    /// <summary>Ctrl+C, as the CLI's token sees it, the moment an event that <paramref name="when"/> accepts is journaled.</summary>
    public CancellationToken InterruptWhen(Func<DrillEvent, bool> when)
    {
        var interrupt = new CancellationTokenSource();
        Journal.Setup(j => j.AppendAsync(It.IsAny<DrillEvent>(), It.IsAny<CancellationToken>()))
            .Callback((DrillEvent e, CancellationToken _) =>
            {
                Events.Add(e);
                if (when(e)) interrupt.Cancel();
            })
            .Returns(Task.CompletedTask);
        return interrupt.Token;
    }

    /// <summary>The report's lines, for asserting one field at a time.</summary>
    public static IReadOnlyList<string> Lines(DrillResult result) => result.Report!.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The JSON report, parsed.</summary>
    public static System.Text.Json.Nodes.JsonNode Json(DrillResult result) => System.Text.Json.Nodes.JsonNode.Parse(result.ReportJson!)!;
}
