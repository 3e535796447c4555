using Infra.Runner.Rollout;

namespace Rollout.Bench;

/// <summary>
/// Gate alarms that turn ALARM at an injected moment: <see cref="Offset"/> after traffic first moves (the first update
/// that targets only listener rules), so every injected alarm lands inside the shifting window.
/// </summary>
internal sealed class InjectedAlarms(SimulatedStack stack, TimeProvider clock, TimeSpan offset) : IAlarmReader
{
    public TimeSpan Offset { get; } = offset;

    public string Region => "eu-west-1";

    /// <summary>The stack's ledger requests before the first read that returned ALARM (the runner noticed), or null.</summary>
    public int? LedgerCallsWhenNoticed { get; private set; }

    /// <summary>When the alarms turned ALARM, once traffic has moved.</summary>
    public DateTimeOffset? TrippedAt =>
        stack.Updates.FirstOrDefault(u => u.Targets.All(t => t.EndsWith(":listener-rule", StringComparison.Ordinal)))?.At + Offset;

    public Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken)
    {
        var state = TrippedAt is { } at && clock.GetUtcNow() >= at ? AlarmState.Alarm : AlarmState.Ok;
        if (state == AlarmState.Alarm) LedgerCallsWhenNoticed ??= stack.LedgerCalls;
        return Task.FromResult<IReadOnlyDictionary<string, AlarmState>>(alarmNames.ToDictionary(n => n, _ => state));
    }
}

/// <summary>Alarms stay OK, smoke checks pass, people and the journal listen: the bench measures the gate, not these.</summary>
internal sealed class QuietPorts : IAlarmReader, ISmokeCheck, INotifier, IJournal
{
    public string Region => "eu-west-1";

    public Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, AlarmState>>(alarmNames.ToDictionary(n => n, _ => AlarmState.Ok));

    public Task<SmokeCheckResult> RunAsync(SmokeTarget target, SmokeCheckSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(new SmokeCheckResult(true, "simulated"));

    public Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendAsync(RolloutEvent rolloutEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
