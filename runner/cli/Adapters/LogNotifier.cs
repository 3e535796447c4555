using Infra.Runner.Rollout;
using Serilog;

namespace Infra.Runner.Adapters;

/// <summary>Used when no Slack webhook is configured: notifications still reach the operator, in the log.</summary>
public sealed class LogNotifier(ILogger logger) : INotifier
{
    public Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        if (severity == NotificationSeverity.Critical)
        {
            logger.Error("CRITICAL notification (no Slack webhook configured): {Notification:l}", message);
        }
        else
        {
            logger.Information("Notification (no Slack webhook configured): {Notification:l}", message);
        }

        return Task.CompletedTask;
    }
}
