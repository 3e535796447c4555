using Infra.Components.Compute;
using Infra.Stacks.Settings;
using Infra.Tests.Components.Traffic;

namespace Infra.Tests.Components.Compute;

public sealed class ColorCapacityTests
{
    // web: live blue, desiredCount 3, idleDesiredCount 0, autoscaling 3–12.
    private static readonly ServiceSettings Web = TrafficStacks.Production.Service("web");

    [Fact]
    public void The_live_color_runs_desired_count_and_scales_within_the_autoscaling_range()
    {
        Assert.Equal(new ColorCapacity(3, 3, 12), ColorCapacity.For(Web, Color.Blue));
    }

    [Fact]
    public void The_idle_color_is_pinned_to_the_idle_count()
    {
        Assert.Equal(new ColorCapacity(0, 0, 0), ColorCapacity.For(Web, Color.Green));
        Assert.Equal(new ColorCapacity(1, 1, 1), ColorCapacity.For(Web with { IdleDesiredCount = 1 }, Color.Green));
    }

    [Fact]
    public void A_color_taking_traffic_mid_rollout_runs_the_full_count()
    {
        var midRollout = Web with { Weights = new ColorPair<int>(90, 10) };

        Assert.Equal(new ColorCapacity(3, 3, 12), ColorCapacity.For(midRollout, Color.Green));
    }

    [Fact]
    public void A_color_the_runner_keeps_running_runs_the_full_count_without_traffic()
    {
        var underTest = Web with { Running = new ColorPair<bool>(true, true) };

        Assert.Equal(new ColorCapacity(3, 3, 12), ColorCapacity.For(underTest, Color.Green));
    }

    [Fact]
    public void A_color_the_runner_keeps_running_without_traffic_is_held_at_the_desired_count_even_when_autoscaling_may_go_lower()
    {
        var lowMinimum = Web with { Running = new ColorPair<bool>(true, true), Autoscaling = Web.Autoscaling with { Min = 1 } };

        Assert.Equal(new ColorCapacity(3, 3, 12), ColorCapacity.For(lowMinimum, Color.Green));
        // Once it takes traffic, autoscaling may scale it within its own range again.
        Assert.Equal(new ColorCapacity(3, 1, 12), ColorCapacity.For(lowMinimum with { Weights = new ColorPair<int>(90, 10) }, Color.Green));
    }
}
