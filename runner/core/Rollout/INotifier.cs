namespace Infra.Runner.Rollout;

public enum NotificationSeverity
{
    Info,

    /// <summary>Someone must act now, e.g. traffic left split by a failed rollback.</summary>
    Critical,
}

/// <summary>Messages to people (the Slack adapter). Failures to notify never stop a rollout or a rollback.</summary>
public interface INotifier
{
    Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken);
}
