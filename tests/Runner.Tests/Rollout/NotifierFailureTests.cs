using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>A notifier that times out (HttpClient throws a cancellation for that) must not change what the rollout does.</summary>
public class NotifierFailureTests
{
    private static void SlackTimesOut(RolloutHarness harness) =>
        harness.Notifier.Setup(n => n.NotifyAsync(It.IsAny<NotificationSeverity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing."));

    [Fact]
    public async Task A_slack_timeout_at_completion_keeps_the_release_done_and_exits_0()
    {
        var harness = new RolloutHarness("web");
        SlackTimesOut(harness);

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DeployColor.Green, harness.Configs["web"].LiveColor);
        Assert.Equal(TrafficWeights.AllTo(DeployColor.Green), harness.Configs["web"].Weights);
        Assert.DoesNotContain(harness.Events, e => e.Kind == RolloutEventKind.RollbackStarted);
        Assert.Equal(
            "Could not send Info notification: The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.",
            harness.Event(RolloutEventKind.NotifyFailed).Message);
        Assert.Null(harness.StoredRecord);
    }

    [Fact]
    public async Task A_slack_timeout_during_a_failed_rollback_still_exits_3()
    {
        var harness = new RolloutHarness("web");
        SlackTimesOut(harness);
        harness.AlarmState = (name, _) => name == "web-green-5xx" && harness.TrafficUpdates.Any() ? AlarmState.Alarm : AlarmState.Ok;
        harness.UpdateFault = (number, _) => number == 3 ? new InvalidOperationException("ELB API throttled") : null;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.RollbackFailed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(RolloutPhase.RollingBack, harness.Record!.Phase);
        Assert.Contains(harness.Events, e => e.Kind == RolloutEventKind.NotifyFailed && e.Message.StartsWith("Could not send Critical notification: ", StringComparison.Ordinal));
    }
}
