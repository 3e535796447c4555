namespace Infra.Runner.Rollout;

/// <summary>How a pause ended, for <see cref="RolloutRun"/> to act on.</summary>
internal sealed record PauseEnd(WaitVerdict Wait, string? StopReason, PromotionRequest Promotion)
{
    /// <summary>Promoted, or timed out with <see cref="PauseTimeoutAction.Promote"/>: go on with the next step.</summary>
    public bool Continues => StopReason is null && Wait.End is WaitEnd.Promoted or WaitEnd.Elapsed;
}

/// <summary>
/// A <c>pause</c> step: announces it (journal and notification, with the command that continues it), then waits with
/// gates and canary analysis running, from the recorded phase start (so a resumed pause counts the time already waited),
/// until promote, abort or rollback from any machine, a failing gate or analysis, or its timeout.
/// </summary>
internal sealed class PauseWatch(HookRun hooks, RolloutReporter reporter, StackOutputs outputs)
{
    private const string At = HookNames.PostStep;

    private RolloutPorts Ports => hooks.Ports;

    public async Task AnnounceAsync(RolloutRecord record, RolloutPause pause, CancellationToken cancellationToken)
    {
        var stack = Ports.Stack.StackName;
        var limit = pause.Timeout is { } timeout
            ? $" for up to {timeout:g}, then it {(record.Plan.PauseTimeoutAction == PauseTimeoutAction.Rollback ? "rolls back" : "goes on as if promoted")} (pauseTimeoutAction)"
            : " without a timeout";
        var message = $"Rollout {record.Id} paused after {CanaryWatch.Where(record)} as its steps ask: it waits for promote{limit}; " +
            $"gates and canary analysis stay watched. Continue with: infra-runner promote --stack {stack}; roll back with: infra-runner abort --stack {stack}";
        await hooks.JournalStartAsync(pause.HookName, At, message, cancellationToken);
        await reporter.AppendAsync(record.Id, RolloutEventKind.Paused, message, cancellationToken);
        await reporter.NotifyAsync(record.Id, NotificationSeverity.Info, message, cancellationToken);
    }

    public async Task<PauseEnd> WaitAsync(RolloutRecord record, RolloutPause pause, IReadOnlyList<string> alarms, CancellationToken cancellationToken)
    {
        var since = record.PhaseStartedAt;
        var until = pause.Timeout is { } timeout ? since + timeout : DateTimeOffset.MaxValue;
        var watched = await new CanaryWatch(Ports, reporter, outputs).WatchAsync(record, since, until, alarms, untilConclusive: false, cancellationToken);
        var wait = watched.Wait;
        var where = $"the pause after {CanaryWatch.Where(record)}";
        var (end, result, output) = watched switch
        {
            { AnalysisFailed: true } => (new PauseEnd(wait, $"canary analysis failed during {where}: {watched.DescribeFailures()}", PromotionRequest.None), HookResult.Failed, "analysis failed"),
            _ => wait.End switch
            {
                WaitEnd.Tripped => (new PauseEnd(wait, $"gate tripped during {where}: {wait.Detail}", PromotionRequest.None), HookResult.Failed, "gate tripped"),
                WaitEnd.StopRequested => (new PauseEnd(wait, $"{wait.Detail} during {where}", PromotionRequest.None), HookResult.Failed, wait.Detail),
                WaitEnd.TakenOver => (new PauseEnd(wait, "taken over", PromotionRequest.None), HookResult.Failed, "taken over"),
                WaitEnd.Promoted => (new PauseEnd(wait, null, wait.Promotion), HookResult.Ok, wait.Promotion == PromotionRequest.Full ? "promote-full" : "promote"),
                _ when record.Plan.PauseTimeoutAction == PauseTimeoutAction.Promote =>
                    (new PauseEnd(wait, null, PromotionRequest.None), HookResult.Timeout, "timed out; pauseTimeoutAction promote"),
                _ => (new PauseEnd(wait, $"{where} timed out after {pause.Timeout:g} without promote; pauseTimeoutAction is rollback",
                    PromotionRequest.None), HookResult.Timeout, "timed out; pauseTimeoutAction rollback"),
            },
        };
        var waited = Ports.Time.GetUtcNow() - since;
        await hooks.JournalFinishAsync(pause.HookName, since, At, result, output,
            $"Rollout {record.Id}: {where} ended after {waited:g}: {output}", cancellationToken);
        return end;
    }
}
