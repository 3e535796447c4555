namespace Infra.Runner.Rollout;

/// <summary>One way notifications reach people (e.g. "Slack", "SNS"), named in what a failure says.</summary>
public sealed record NotifierChannel(string Name, INotifier Notifier);

/// <summary>
/// Sends each notification through every channel, in order: one that fails does not keep the message from the others.
/// When any failed, it then throws once, naming each failed channel and why, for the caller to note (a failed
/// notification never stops the work it reports).
/// </summary>
public sealed class EveryChannelNotifier(IReadOnlyList<NotifierChannel> channels) : INotifier
{
    public async Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var channel in channels)
        {
            try
            {
                await channel.Notifier.NotifyAsync(severity, message, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{channel.Name}: {error.Message}");
            }
        }

        if (failures.Count > 0) throw new NotificationFailedException(string.Join("; ", failures));
    }
}

/// <summary>Some channels of an <see cref="EveryChannelNotifier"/> failed; the message names each and why.</summary>
public sealed class NotificationFailedException(string message) : Exception(message);
