namespace Infra.Runner.Rollout;

/// <summary>
/// Between the plan's polls of a wait with traffic split (a step's bake, the termination wait), reads the watched
/// alarms alone every <see cref="IntervalFor"/>, so a gate or critical alarm's state change starts the rollback within
/// about a second instead of a poll interval. The stored record, progress lines and the canary analysis keep their own
/// pace; this adds DescribeAlarms calls only, one per 100 names per read.
/// </summary>
internal sealed class AlarmWatch(RolloutPorts ports)
{
    /// <summary>
    /// One DescribeAlarms call a second per batch of names: CloudWatch's default quota for DescribeAlarms is 9 calls a
    /// second per account and region, shared with other rollouts, dashboards and the console.
    /// </summary>
    public static readonly TimeSpan CallInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often <paramref name="alarmCount"/> alarms are read: a call per 100 names (DescribeAlarms' limit) keeps the rate at one call a second.</summary>
    public static TimeSpan IntervalFor(int alarmCount) => CallInterval * Math.Max(1, (alarmCount + AlarmBatch - 1) / AlarmBatch);

    private const int AlarmBatch = 100;

    /// <summary>
    /// Waits until <paramref name="next"/> (the next full poll, which reads the alarms itself), reading them every
    /// interval before it; returns the verdict of the first read that trips the gate, or null at <paramref name="next"/>.
    /// </summary>
    public async Task<GateVerdict?> WatchUntilAsync(
        IReadOnlyList<string> alarmNames, InsufficientDataPolicy policy, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var interval = IntervalFor(alarmNames.Count);
        while (true)
        {
            var left = next - ports.Time.GetUtcNow();
            if (alarmNames.Count == 0 || left <= interval)
            {
                if (left > TimeSpan.Zero) await Task.Delay(left, ports.Time, cancellationToken);
                return null;
            }

            await Task.Delay(interval, ports.Time, cancellationToken);
            IReadOnlyDictionary<string, AlarmState> states;
            try
            {
                states = await ports.Alarms.ReadStatesAsync(alarmNames, cancellationToken);
            }
            catch (Exception error) when (!(error is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // A throttled or failed in-between read is skipped: the next full poll reads the same alarms and acts on its failure.
                continue;
            }

            var gate = AlarmGate.Evaluate(alarmNames, states, policy);
            if (gate.Tripped) return gate;
        }
    }
}
