using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// A color no release routes to can still run tasks that write: failover scaled both colors of an unreadable release,
/// someone scaled a color by hand in the outage, or a rollout left its idle color running. Stopping a region, fencing it
/// and asking whether it may still take writes cover every color; only the routed ones are scaled up.
/// </summary>
public class EveryColorWritersTests
{
    private const string PrimaryGreen = "production-web-green";
    private const string DrGreen = "production-dr-web-green";

    private static readonly DrTopology Topology = DrWorld.Topology with
    {
        Primary = DrWorld.Topology.Primary with { EveryColor = [.. DrWorld.Topology.Primary.Services, new DrService("web", PrimaryGreen, 0)] },
        Dr = DrWorld.Topology.Dr with { EveryColor = [.. DrWorld.Topology.Dr.Services, new DrService("web", DrGreen, 0)] },
    };

    private static readonly DrOptions Options = new(RpoTargetSeconds: 30);

    [Fact]
    public async Task Failover_fences_a_running_idle_color_of_the_primary_and_scales_up_only_the_routed_one_in_the_dr_region()
    {
        var world = new DrWorld { PrimaryHttp = (false, "HTTP 503") };
        world.Services[(DrWorld.Primary, PrimaryGreen)] = new DrWorld.Counts(2, 2);
        world.Services[(DrWorld.Dr, DrGreen)] = new DrWorld.Counts(0, 0);

        var result = await new Failover(world.Ports, Options).RunAsync(Topology, force: false);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, world.Services[(DrWorld.Primary, PrimaryGreen)].Desired);
        Assert.Equal(2, world.Calls.Count(c => c == $"scale eu-west-1: {PrimaryGreen} to 0 (autoscaling 0..0)"));
        Assert.DoesNotContain(world.Calls, c => c.StartsWith($"scale eu-central-1: {DrGreen}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fail_back_stops_a_dr_color_no_release_routes_to_before_the_final_catch_up()
    {
        var world = DrWorld.FailedOver();
        world.Services[(DrWorld.Primary, PrimaryGreen)] = new DrWorld.Counts(0, 0);
        world.Services[(DrWorld.Dr, DrGreen)] = new DrWorld.Counts(2, 2);

        var result = await new Failback(world.Ports, Options, world.State).RunAsync(Topology);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(new DrWorld.Counts(0, 0), world.Services[(DrWorld.Dr, DrGreen)]);
        var stopped = world.Calls.IndexOf($"scale eu-central-1: {DrGreen} to 0 (autoscaling 0..0)");
        var promoted = world.Calls.IndexOf("promote eu-west-1: production-db");
        Assert.InRange(stopped, 0, promoted - 1);
        Assert.Equal(new DrWorld.Counts(0, 0), world.Services[(DrWorld.Primary, PrimaryGreen)]);
    }

    [Fact]
    public async Task Fail_back_stops_a_primary_idle_color_that_came_back_with_its_region_before_anything_else()
    {
        var world = DrWorld.FailedOver();
        world.Services[(DrWorld.Primary, PrimaryGreen)] = new DrWorld.Counts(2, 2);
        world.Services[(DrWorld.Dr, DrGreen)] = new DrWorld.Counts(0, 0);

        var result = await new Failback(world.Ports, Options, world.State).RunAsync(Topology);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal($"scale eu-west-1: {PrimaryGreen} to 0 (autoscaling 0..0)", world.Calls.First(c => c.StartsWith("scale ", StringComparison.Ordinal)));
        Assert.Equal(new DrWorld.Counts(0, 0), world.Services[(DrWorld.Primary, PrimaryGreen)]);
    }
}
