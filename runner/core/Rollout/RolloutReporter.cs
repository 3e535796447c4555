namespace Infra.Runner.Rollout;

/// <summary>
/// Journal, notifications and progress for the engine. Notifying never throws unless the caller's own token is
/// cancelled: a notifier's failure, a timeout included (HttpClient reports it as a cancellation), must not derail a
/// finished release or a rollback.
/// </summary>
internal sealed class RolloutReporter(RolloutPorts ports)
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();

    public Task AppendAsync(string rolloutId, RolloutEventKind kind, string message, CancellationToken cancellationToken) =>
        AppendAsync(rolloutId, kind, message, NoData, cancellationToken);

    public Task AppendAsync(
        string rolloutId, RolloutEventKind kind, string message, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken) =>
        ports.Journal.AppendAsync(new RolloutEvent(ports.Time.GetUtcNow(), rolloutId, kind, message, data), cancellationToken);

    /// <summary>For the stop and rollback paths: a broken journal must not keep traffic where it is.</summary>
    public async Task TryAppendAsync(
        string rolloutId, RolloutEventKind kind, string message, IReadOnlyDictionary<string, string>? data, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(rolloutId, kind, message, data ?? NoData, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Nothing else to write it to; the command's result still carries the message.
        }
    }

    public async Task NotifyAsync(string rolloutId, NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        try
        {
            await ports.Notifier.NotifyAsync(severity, message, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await TryAppendAsync(rolloutId, RolloutEventKind.NotifyFailed, $"Could not send {severity} notification: {error.Message}", null, cancellationToken);
        }
    }

    public void Report(RolloutProgress progress) => ports.Progress?.Report(progress);

    /// <summary>Journals each wait of <see cref="BusyRetry"/>; <paramref name="during"/> says what waited, e.g. "at step 1 (10%)".</summary>
    public Func<int, TimeSpan, Task> BusyRetries(string rolloutId, string during, CancellationToken cancellationToken) =>
        (attempt, wait) => TryAppendAsync(rolloutId, RolloutEventKind.StackBusy,
            $"The stack is busy with another update {during}; retry {attempt} in {wait.TotalSeconds:0}s", null, cancellationToken);
}
