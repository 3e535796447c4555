using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Runner.Tests.Dr;

/// <summary>
/// An undone switchover restores the writes in the DR region on the colors failover would scale: the ledger's release's
/// and those the DR load balancer forwards to. The switchover stopped every color; a DR tier update that failed leaves the
/// listener on the old color, which would answer 503 if only the ledger's came back.
/// </summary>
public class FailbackUndoRoutedColorsTests
{
    /// <summary>Both colors of web in the DR region, as the world's DR listener names them.</summary>
    private static readonly (DrService Blue, DrService Green) Colors = (DrWorld.Topology.Dr.Routes[0].Blue, DrWorld.Topology.Dr.Routes[0].Green);

    /// <summary>The ledger's release routes web to green in the DR region; the DR listener forwards as the world says.</summary>
    private static readonly DrTopology LedgerOnGreen = DrWorld.Topology with { Dr = DrWorld.Topology.Dr with { Services = [Colors.Green], EveryColor = [Colors.Blue, Colors.Green] } };

    private readonly DrWorld _world = DrWorld.FailedOver();

    public FailbackUndoRoutedColorsTests() =>
        // Failover scaled both: the ledger's green and the blue the DR listener still forwards to.
        _world.Services[(DrWorld.Dr, Colors.Green.EcsServiceName)] = new DrWorld.Counts(3, 3);

    /// <summary>Fail-back whose final catch-up never sees the new replica replay up to the DR database's WAL end, so the switchover is undone.</summary>
    private Task<DrResult> RunWithFinalCatchUpFailingAsync() =>
        new Failback(_world.Ports with { Progress = new AfterStep("catch-up", () => _world.Stuck.Add("replay")) }, new DrOptions(RpoTargetSeconds: 30), _world.State)
            .RunAsync(LedgerOnGreen);

    private string Done(string step) => _world.Events.Single(e => e.Kind == "FailbackStepDone" && e.Data["step"] == step).Message;

    [Fact]
    public async Task The_listener_still_on_the_old_color_gets_both_colors_back_when_the_switchover_is_undone()
    {
        var result = await RunWithFinalCatchUpFailingAsync();

        Assert.EndsWith($"; {FailbackTests.Undone}; the report says what state each region is in", result.Message, StringComparison.Ordinal);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, Colors.Blue.EcsServiceName)]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, Colors.Green.EcsServiceName)]);
        Assert.Equal(
            [
                "scale eu-central-1: production-dr-web-blue to 0 (autoscaling 0..0)",
                "scale eu-central-1: production-dr-web-green to 0 (autoscaling 0..0)",
                "scale eu-central-1: production-dr-web-green to 3 (autoscaling 3..12)",
                "scale eu-central-1: production-dr-web-blue to 3 (autoscaling 3..12)",
            ],
            _world.Calls.Where(c => c.StartsWith("scale eu-central-1", StringComparison.Ordinal)));
        Assert.Equal(
            $"step 4/7 undo-read-dr-routes: web: {DrWorld.DrListenerArn} forwards blue=100 green=0; the ledger's release routes to production-dr-web-green, " +
            "so production-dr-web-blue is scaled too",
            Done("undo-read-dr-routes"));
        Assert.Equal(PromotionState.Promoted, _world.Promotion);
    }

    [Fact]
    public async Task The_listener_on_the_ledgers_color_gets_only_that_color_back()
    {
        _world.Forwarding[DrWorld.DrListenerArn] = TrafficWeights.AllTo(DeployColor.Green);

        var result = await RunWithFinalCatchUpFailingAsync();

        Assert.EndsWith($"; {FailbackTests.Undone}; the report says what state each region is in", result.Message, StringComparison.Ordinal);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, Colors.Blue.EcsServiceName)]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, Colors.Green.EcsServiceName)]);
    }

    [Fact]
    public async Task A_listener_that_cannot_be_read_during_the_undo_gets_both_colors_back()
    {
        _world.Failing["routes eu-central-1"] = new HttpRequestException("AccessDenied: elasticloadbalancing:DescribeListeners");
        _world.Forwarding[DrWorld.DrListenerArn] = TrafficWeights.AllTo(DeployColor.Green);

        var result = await RunWithFinalCatchUpFailingAsync();

        Assert.EndsWith($"; {FailbackTests.Undone}; the report says what state each region is in", result.Message, StringComparison.Ordinal);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, Colors.Blue.EcsServiceName)]);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Dr, Colors.Green.EcsServiceName)]);
    }
}
