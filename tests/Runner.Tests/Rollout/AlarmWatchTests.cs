using Infra.Runner.Rollout;
using Moq;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Rollout;

/// <summary>
/// Issue 14's goal for the runner's own fast path: while traffic is split, the watched alarms are read every second
/// between the plan's polls, so an ALARM starts the rollback within a second of its state change at any poll interval.
/// </summary>
public class AlarmWatchTests
{
    private static readonly TrafficWeights AllBlue = TrafficWeights.AllTo(DeployColor.Blue);

    [Fact]
    public async Task An_alarm_between_two_30_s_polls_switches_traffic_back_at_the_next_second()
    {
        var harness = new RolloutHarness("web") { DirectSwitch = true };
        harness.AlarmState = (name, at) =>
            name == "web-green-5xx" && harness.TrafficUpdates.FirstOrDefault() is { } step && at >= step.At + TimeSpan.FromSeconds(12.5)
                ? AlarmState.Alarm : AlarmState.Ok;

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2") with { PollInterval = TimeSpan.FromSeconds(30) });

        Assert.Equal("Rolled back web to blue: gate tripped at step 1 (10%): web-green-5xx is ALARM", result.Message);
        var shifted = harness.TrafficUpdates.First().At;
        Assert.Equal(shifted + TimeSpan.FromSeconds(13), harness.Event(RolloutEventKind.AlarmTripped).At);
        Assert.Equal(shifted + TimeSpan.FromSeconds(13), harness.Event(RolloutEventKind.FastRollbackApplied).At);
        Assert.Equal((RolloutHarness.RouteFor("web"), AllBlue), (Assert.Single(harness.Switches).Route, harness.Switches[0].Weights));
    }

    [Fact]
    public async Task A_failed_read_between_polls_is_skipped_and_the_rollout_goes_on()
    {
        var harness = new RolloutHarness("web");
        var throttled = 0;
        harness.Alarms.Setup(a => a.ReadStatesAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<string> names, CancellationToken _) =>
            {
                // Steps and the termination wait start an even number of seconds after the first shift and poll every
                // 10 s, so every read at an odd second is one between polls: each of those is throttled.
                if (harness.TrafficUpdates.FirstOrDefault() is { } first && (harness.Time.GetUtcNow() - first.At).TotalSeconds % 2 == 1)
                {
                    throttled++;
                    throw new InvalidOperationException("Rate exceeded");
                }

                return names.ToDictionary(name => name, _ => AlarmState.Ok);
            });

        var result = await harness.Engine.DeployAsync(RolloutHarness.Plan("web=web:2"));

        Assert.Equal(RolloutOutcome.Succeeded, result.Outcome);
        Assert.Equal(1800 / 2, throttled); // every odd second of three 5-minute bakes and the 15-minute termination wait
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(250, 3)]
    public void Reads_of_more_than_100_alarms_are_spaced_to_keep_one_DescribeAlarms_call_a_second(int alarms, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AlarmWatch.IntervalFor(alarms));
}
