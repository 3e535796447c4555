using Infra.Runner.Rollout;

namespace Runner.Tests.Rollout;

public class EveryChannelNotifierTests
{
    private sealed class Channel(string? error = null) : INotifier
    {
        public List<(NotificationSeverity, string)> Received { get; } = [];

        public Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
        {
            Received.Add((severity, message));
            return error is null ? Task.CompletedTask : throw new HttpRequestException(error);
        }
    }

    [Fact]
    public async Task Every_channel_gets_the_message_in_order()
    {
        var (slack, sns) = (new Channel(), new Channel());

        await new EveryChannelNotifier([new("Slack", slack), new("SNS", sns)]).NotifyAsync(NotificationSeverity.Critical, "Failover of production: done", CancellationToken.None);

        Assert.Equal([(NotificationSeverity.Critical, "Failover of production: done")], slack.Received);
        Assert.Equal([(NotificationSeverity.Critical, "Failover of production: done")], sns.Received);
    }

    [Fact]
    public async Task A_failing_channel_does_not_keep_the_message_from_the_next_and_every_failure_is_named_once_all_were_tried()
    {
        var (slack, sns, third) = (new Channel("the Slack webhook answered 500"), new Channel("SNS in eu-central-1 did not answer"), new Channel());

        var error = await Assert.ThrowsAsync<NotificationFailedException>(() => new EveryChannelNotifier([new("Slack", slack), new("SNS", sns), new("log", third)])
            .NotifyAsync(NotificationSeverity.Critical, "m", CancellationToken.None));

        Assert.Equal("Slack: the Slack webhook answered 500; SNS: SNS in eu-central-1 did not answer", error.Message);
        Assert.Single(third.Received);
    }
}
