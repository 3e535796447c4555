using Infra.Components.Traffic;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Traffic;

public sealed class WeightedTargetsTests
{
    private static readonly ColorPair<string> Arns = new("tg-blue", "tg-green");

    [Fact]
    public void Live_traffic_lists_both_colors_with_the_configured_weights()
    {
        var service = TrafficStacks.Production.Service("web") with { Weights = new ColorPair<int>(90, 10) };

        Assert.Equal([new WeightedTarget<string>("tg-blue", 90), new WeightedTarget<string>("tg-green", 10)],
            WeightedTargets.ForLiveTraffic(service, Arns));
    }

    [Fact]
    public void Test_traffic_goes_only_to_the_idle_color()
    {
        var api = TrafficStacks.Production.Service("api");

        Assert.Equal([new WeightedTarget<string>("tg-blue", 100)], WeightedTargets.ForTestTraffic(api, Arns));
    }

    [Fact]
    public void Six_target_groups_are_refused()
    {
        var six = Enumerable.Range(0, 6).Select(i => new WeightedTarget<string>($"tg-{i}", i < 5 ? 20 : 0)).ToList();

        var error = Assert.Throws<ArgumentException>(() => WeightedTargets.Checked(six));

        Assert.Equal("a forward action takes 1 to 5 target groups; got 6 (Parameter 'targets')", error.Message);
    }

    [Theory]
    [InlineData(101, -1, "weight 101 is out of range; each target group's weight must be 0 to 100 (Parameter 'targets')")]
    [InlineData(70, 20, "weights 70 + 20 = 90; a forward action's weights must sum to 100 (Parameter 'targets')")]
    public void Weights_must_be_0_to_100_and_sum_to_100(int blue, int green, string message)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            WeightedTargets.Checked([new WeightedTarget<string>("tg-blue", blue), new WeightedTarget<string>("tg-green", green)]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Weights_the_settings_did_not_check_are_still_refused_where_the_action_is_built()
    {
        var service = TrafficStacks.Production.Service("web") with { Weights = new ColorPair<int>(50, 60) };

        var error = Assert.Throws<ArgumentException>(() => WeightedTargets.ForLiveTraffic(service, Arns));

        Assert.Equal("weights 50 + 60 = 110; a forward action's weights must sum to 100 (Parameter 'targets')", error.Message);
    }
}
