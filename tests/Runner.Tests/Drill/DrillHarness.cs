using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Drill;

/// <summary>
/// Moq stand-ins for the stack, CloudWatch's replica lag, the DR health check, the journal, Slack and the ledger's
/// report, and fakes of the marker databases and RDS's point-in-time restore, around a drillable stack. The update and
/// the health check take fake time (<see cref="UpdateTakes"/>, <see cref="HealthTakes"/>), so RTO is measured under the
/// fake clock; the promoted replica holds the markers written up to <see cref="ReplicaBehind"/> before the promotion.
/// <see cref="Calls"/> records the stack calls in order.
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
        Markers.AddCopy(ReplicaHost, m => PromotionStartedAt is { } at && m.WrittenAt <= at - ReplicaBehind);
        Stack.Setup(s => s.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => State);
        Stack.Setup(s => s.SetPromoteAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback((bool promote, CancellationToken _) => Calls.Add($"set dr.promote {promote}"))
            .Returns(Task.CompletedTask);
        Stack.Setup(s => s.UpdateAsync(It.IsAny<CancellationToken>())).Returns(async (CancellationToken t) =>
        {
            PromotionStartedAt = Time.GetUtcNow();
            Calls.Add($"full update at {Time.GetUtcNow():HH:mm:ss}");
            await Task.Delay(UpdateTakes, Time, t);
            if (UpdateError is not null) throw UpdateError;
        });
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
            .Callback((NotificationSeverity severity, string message, CancellationToken _) => Notifications.Add((severity, message)))
            .Returns(Task.CompletedTask);
        Reports.Setup(r => r.RecordAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string json, CancellationToken _) => LedgerReports.Add(json))
            .Returns(Task.CompletedTask);
    }

    public AutoAdvancingTimeProvider Time { get; } = new(Start);

    public Mock<IDrillStack> Stack { get; } = new(MockBehavior.Strict);

    public Mock<IReplicaLagReader> Lag { get; } = new(MockBehavior.Strict);

    public Mock<ISmokeCheck> Health { get; } = new(MockBehavior.Strict);

    public Mock<IDrillJournal> Journal { get; } = new(MockBehavior.Strict);

    public Mock<INotifier> Notifier { get; } = new(MockBehavior.Strict);

    public Mock<IDrillReportLedger> Reports { get; } = new(MockBehavior.Strict);

    public FakeMarkerDatabases Markers { get; }

    public FakePointInTimeRestore Restore { get; }

    public DrillStackState State { get; set; } = new(
        "staging", "eu-west-1", "eu-central-1", Replica: true, PilotLight: true, Promote: false, RolloutInProgressId: null,
        "/healthz", "http://dr-alb.example.com", "staging-db-replica",
        new DrillTargets(TimeSpan.FromMinutes(45), TimeSpan.FromSeconds(60)),
        "staging-db", $"{PrimaryHost}:5432", $"{ReplicaHost}:5432");

    public ReplicaLagReading? LagReading { get; set; } = new(4.5, 5);

    /// <summary>How far behind the primary the replica was when the promotion started: it holds markers written up to then.</summary>
    public TimeSpan ReplicaBehind { get; set; } = TimeSpan.FromSeconds(2);

    public DateTimeOffset? PromotionStartedAt { get; private set; }

    public TimeSpan UpdateTakes { get; set; } = TimeSpan.FromMinutes(6);

    public Exception? UpdateError { get; set; }

    public TimeSpan HealthTakes { get; set; } = TimeSpan.FromSeconds(90);

    public SmokeCheckResult HealthResult { get; set; } = new(true, "3 x 2xx in a row after 7 request(s) in 90s");

    public List<string> Calls { get; } = [];

    public List<ReplicaLagQuery> LagQueries { get; } = [];

    public List<(SmokeTarget Target, SmokeCheckSettings Settings)> HealthCalls { get; } = [];

    public List<DrillEvent> Events { get; } = [];

    public List<(NotificationSeverity Severity, string Message)> Notifications { get; } = [];

    public List<string> LedgerReports { get; } = [];

    public Task<DrillResult> RunAsync(DrillOptions? options = null, CancellationToken cancellationToken = default) =>
        new DrillEngine(new DrillPorts(Stack.Object, Lag.Object, Health.Object, Markers, Restore, Journal.Object,
            Notifier.Object, Reports.Object, Time)).RunAsync(options ?? new DrillOptions(), cancellationToken);

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
