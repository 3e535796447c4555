using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Runner.Tests.Dr;

/// <summary>
/// Failover scales the colors the ledger's release routes to and those the DR load balancer actually forwards to: a DR
/// tier update that failed leaves that load balancer on the old color, which would otherwise answer 503.
/// </summary>
public class FailoverRoutedColorsTests
{
    private static readonly DrService Blue = new("web", "production-dr-web-blue", 3, 3, 12);
    private static readonly DrService Green = new("web", "production-dr-web-green", 3, 3, 12);

    private readonly DrWorld _world = new() { PrimaryHttp = (false, "HTTP 503") };

    /// <summary>The topology when the ledger's release routes web to <paramref name="routed"/> in the DR region.</summary>
    private static DrTopology LedgerRoutes(params DrService[] routed) => DrWorld.Topology with { Dr = DrWorld.Topology.Dr with { Services = routed } };

    private Task<DrResult> RunAsync(DrTopology topology) => new Failover(_world.Ports, new DrOptions(RpoTargetSeconds: 30)).RunAsync(topology, force: false);

    private string RoutesRead() => _world.Events.Single(e => e.Kind == "FailoverStepDone" && e.Data["step"] == "read-dr-routes").Message;

    private IEnumerable<string> DrScaleCalls() => _world.Calls.Where(c => c.StartsWith("scale eu-central-1", StringComparison.Ordinal));

    [Fact]
    public async Task The_ledger_on_green_and_the_dr_listener_still_on_blue_scale_both_colors()
    {
        var result = await RunAsync(LedgerRoutes(Green));

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            ["scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)", "scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)"],
            DrScaleCalls());
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, "production-dr-web-green")]);
        Assert.Equal(
            $"step 6/10 read-dr-routes: web: {DrWorld.DrListenerArn} forwards blue=100 green=0; the ledger's release routes to production-dr-web-green, " +
            "so production-dr-web-blue is scaled too",
            RoutesRead());
    }

    [Fact]
    public async Task The_ledger_and_the_dr_listener_on_the_same_color_scale_only_that_color()
    {
        _world.Forwarding[DrWorld.DrListenerArn] = TrafficWeights.AllTo(DeployColor.Green);

        var result = await RunAsync(LedgerRoutes(Green));

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(["scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)"], DrScaleCalls());
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, "production-dr-web-blue")]);
        Assert.Equal(
            $"step 6/10 read-dr-routes: web: {DrWorld.DrListenerArn} forwards blue=0 green=100; the ledger's release routes to production-dr-web-green",
            RoutesRead());
    }

    [Fact]
    public async Task A_dr_listener_split_between_the_colors_scales_both_though_the_ledger_routes_to_one()
    {
        _world.Forwarding[DrWorld.DrListenerArn] = TrafficWeights.Shifted(DeployColor.Green, 10);

        await RunAsync(LedgerRoutes(Blue));

        Assert.Equal(
            ["scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)", "scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)"],
            DrScaleCalls());
    }

    [Fact]
    public async Task A_dr_listener_that_cannot_be_read_scales_both_colors_and_the_report_says_why()
    {
        _world.Failing["routes eu-central-1"] = new HttpRequestException("AccessDenied: elasticloadbalancing:DescribeListeners");

        var result = await RunAsync(LedgerRoutes(Green));

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(
            ["scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)", "scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)"],
            DrScaleCalls());
        var read = $"web: {DrWorld.DrListenerArn} could not be read (AccessDenied: elasticloadbalancing:DescribeListeners), so both colors are scaled; " +
            "the ledger's release routes to production-dr-web-green, so production-dr-web-blue is scaled too";
        Assert.Equal($"step 6/10 read-dr-routes: {read}", RoutesRead());
        Assert.Contains(read, result.MarkdownReport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dr_listener_that_no_longer_exists_scales_both_colors()
    {
        _world.Forwarding.Clear();

        await RunAsync(LedgerRoutes(Blue));

        Assert.Equal(
            ["scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)", "scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)"],
            DrScaleCalls());
        Assert.Equal(
            $"step 6/10 read-dr-routes: web: {DrWorld.DrListenerArn} could not be read (Elastic Load Balancing: ListenerNotFound: One or more listeners not found), " +
            "so both colors are scaled; the ledger's release routes to production-dr-web-blue, so production-dr-web-green is scaled too",
            RoutesRead());
    }

    [Fact]
    public async Task Outputs_from_an_older_program_name_no_dr_route_so_both_colors_are_scaled()
    {
        var topology = DrWorld.Topology with
        {
            Dr = DrWorld.Topology.Dr with { Routes = [DrWorld.Topology.Dr.Routes[0] with { Route = null }] },
        };

        await RunAsync(topology);

        Assert.Equal(
            ["scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)", "scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)"],
            DrScaleCalls());
        Assert.Equal(
            "step 6/10 read-dr-routes: web: the stack outputs name no DR listener or rule (dr.dr.routes, written by a full update of this program), " +
            "so both colors are scaled; the ledger's release routes to production-dr-web-blue, so production-dr-web-green is scaled too",
            RoutesRead());
    }
}
