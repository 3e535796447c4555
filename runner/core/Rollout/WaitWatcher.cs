namespace Infra.Runner.Rollout;

/// <summary>Why a watched wait ended.</summary>
internal enum WaitEnd
{
    Elapsed,

    /// <summary>A watched alarm tripped the gate; <see cref="WaitVerdict.Detail"/> names it.</summary>
    Tripped,

    /// <summary>The stored rollout record is gone or belongs to another rollout: abort/rollback ran elsewhere.</summary>
    TakenOver,
    Promoted,

    /// <summary>Another command asked for an abort or rollback; <see cref="WaitVerdict.Detail"/> says who.</summary>
    StopRequested,
}

internal sealed record WaitVerdict(WaitEnd End, string Detail, PromotionRequest Promotion)
{
    /// <summary>With <see cref="WaitEnd.StopRequested"/>: the request, for the rollback to act on.</summary>
    public RolloutStopRequest? Stop { get; init; }
}

/// <summary>
/// Waits until a deadline, polling every plan interval: first the alarms (so an ALARM is acted on before anything else
/// at that poll), then the stored record for abort, rollback or promote from other commands. Between polls the alarms
/// alone are read about every second (<see cref="AlarmWatch"/>), so an ALARM is acted on within a second or so.
/// </summary>
internal sealed class WaitWatcher(RolloutPorts ports, RolloutReporter reporter)
{
    /// <param name="progressUntil">The deadline progress lines count down to when this wait is a slice of a longer one; default <paramref name="until"/>.</param>
    public async Task<WaitVerdict> WatchAsync(
        RolloutRecord record, DateTimeOffset until, IReadOnlyList<string> alarmNames, CancellationToken cancellationToken, DateTimeOffset? progressUntil = null)
    {
        while (true)
        {
            var states = alarmNames.Count == 0
                ? new Dictionary<string, AlarmState>()
                : await ports.Alarms.ReadStatesAsync(alarmNames, cancellationToken);
            var gate = AlarmGate.Evaluate(alarmNames, states, record.Plan.InsufficientData);
            var left = until - ports.Time.GetUtcNow();
            left = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            var shown = (progressUntil ?? until) - ports.Time.GetUtcNow();
            reporter.Report(new RolloutProgress(
                record.Id, record.Phase, record.StepIndex + 1, record.Plan.Steps.Count, record.CurrentPercent, shown > left ? shown : left, gate.States));

            if (gate.Tripped)
            {
                return new WaitVerdict(WaitEnd.Tripped, gate.Describe(), PromotionRequest.None);
            }

            var stored = await ports.Stack.ReadRolloutRecordAsync(cancellationToken);
            if (stored is null || stored.Id != record.Id)
            {
                return new WaitVerdict(WaitEnd.TakenOver, "", PromotionRequest.None);
            }

            if (stored.StopRequest is { } stop)
            {
                return new WaitVerdict(WaitEnd.StopRequested, stop.Describe(), PromotionRequest.None) { Stop = stop };
            }

            if (stored.Promotion != PromotionRequest.None)
            {
                return new WaitVerdict(WaitEnd.Promoted, "", stored.Promotion);
            }

            if (left == TimeSpan.Zero)
            {
                return new WaitVerdict(WaitEnd.Elapsed, "", PromotionRequest.None);
            }

            var interval = record.Plan.PollInterval;
            var nextPoll = ports.Time.GetUtcNow() + (left < interval ? left : interval);
            if (await new AlarmWatch(ports).WatchUntilAsync(alarmNames, record.Plan.InsufficientData, nextPoll, cancellationToken) is { } tripped)
            {
                return new WaitVerdict(WaitEnd.Tripped, tripped.Describe(), PromotionRequest.None);
            }
        }
    }
}
