using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// A <c>pulumi up</c> can run at any moment of a fail-back (by hand, or a deploy outside the workflows' concurrency
/// group). It declares what the ledger's <c>dr</c> item says (infra/FailoverFence.cs, infra/PilotLight.cs): promoted, the
/// primary's services fenced (no tasks, autoscaling 0..0) and the DR region's at their live range; switching back, both
/// regions' services stopped; not promoted, the primary's at their live range and the pilot light at none. Whenever that
/// update comes, the fail-back must still end in the original topology, and from the moment the DR services stop until
/// the primary's database is promoted it must start neither region's.
/// </summary>
public class FailbackFenceTests
{
    private const string PrimaryWeb = "production-web-blue";
    private const string DrWeb = "production-dr-web-blue";

    private readonly DrWorld _world = DrWorld.FailedOver();

    public static TheoryData<string> Steps => new(FailbackResumeTests.StepNames);

    /// <summary>From the DR services' stop to the promotion of the primary's database: no region may take a write.</summary>
    public static TheoryData<string> CatchUpWindow => new(
        "scale-stop-writes", "wait-stop-writes", "final-catch-up", "promote-database-eu-west-1", "wait-database-eu-west-1");

    private Task<DrResult> RunAsync(DrPorts ports) => new Failback(ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_pulumi_up_after_any_step_leaves_the_original_topology_once_fail_back_is_done(string step)
    {
        var result = await RunAsync(_world.Ports with { Progress = new PulumiUpAfter(step, _world) });

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, _world.Services[(DrWorld.Primary, PrimaryWeb)].Desired);
        Assert.Equal(0, _world.Services[(DrWorld.Dr, DrWeb)].Desired);
        Assert.False(_world.Promoted);
        Assert.False(_world.PrimaryHeldUnhealthy);
    }

    [Theory]
    [MemberData(nameof(CatchUpWindow))]
    public async Task A_pulumi_up_after_a_fail_back_killed_during_the_catch_up_window_starts_no_service_and_the_next_run_finishes(string step)
    {
        await Assert.ThrowsAsync<KillAfter.Killed>(() => RunAsync(_world.Ports with { Progress = new KillAfter(step) }));

        Assert.Equal(PromotionState.SwitchingBack, _world.Promotion);
        PulumiUpAfter.Apply(_world);
        Assert.Equal((0, 0), (_world.Services[(DrWorld.Primary, PrimaryWeb)].Desired, _world.Services[(DrWorld.Dr, DrWeb)].Desired));
        var result = await RunAsync(_world.Ports);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(new DrWorld.Counts(3, 3), _world.Services[(DrWorld.Primary, PrimaryWeb)]);
        Assert.Equal(new DrWorld.Counts(0, 0), _world.Services[(DrWorld.Dr, DrWeb)]);
        Assert.Null(_world.Instances[(DrWorld.Primary, "production-db")].ReplicaOf);
        Assert.Equal("production-db", _world.Instances[(DrWorld.Dr, "production-db-replica")].ReplicaOf);
        Assert.Equal(PromotionState.NotPromoted, _world.Promotion);
    }

    /// <summary>Once the step is journaled done, sets both regions' services to what the program declares from the ledger at that moment.</summary>
    private sealed class PulumiUpAfter(string step, DrWorld world) : IProgress<DrEvent>
    {
        public void Report(DrEvent value)
        {
            if (value.Kind.EndsWith("StepDone", StringComparison.Ordinal) && value.Data.GetValueOrDefault("step") == step) Apply(world);
        }

        public static void Apply(DrWorld world)
        {
            Declare(world, (DrWorld.Primary, PrimaryWeb), world.Promotion == PromotionState.NotPromoted ? 3 : 0);
            Declare(world, (DrWorld.Dr, DrWeb), world.Promotion == PromotionState.Promoted ? 3 : 0);
        }

        private static void Declare(DrWorld world, (string, string) service, int desired) =>
            world.Services[service] = world.Services[service] with { Desired = desired };
    }
}
