using Infra.Runner.Dr;

namespace Runner.Tests.Dr;

/// <summary>
/// A <c>pulumi up</c> can run at any moment of a fail-back (by hand, or a deploy outside the workflows' concurrency
/// group). While the ledger says drPromoted the program fences the primary's services (infra/FailoverFence.cs: no
/// tasks, autoscaling 0..0); once it says not promoted it declares their live range. Whenever that update comes, the
/// fail-back must still end with the primary's services running.
/// </summary>
public class FailbackFenceTests
{
    private readonly DrWorld _world = DrWorld.FailedOver();

    public static TheoryData<string> Steps => new(FailbackResumeTests.StepNames);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_pulumi_up_after_any_step_leaves_the_primary_s_services_running_once_fail_back_is_done(string step)
    {
        var ports = _world.Ports with { Progress = new PulumiUpAfter(step, _world) };

        var result = await new Failback(ports, new DrOptions(RpoTargetSeconds: 30), _world.State).RunAsync(DrWorld.Topology);

        Assert.Equal(DrOutcome.Succeeded, result.Outcome);
        Assert.Equal(3, _world.Services[(DrWorld.Primary, "production-web-blue")].Desired);
        Assert.False(_world.Promoted);
        Assert.False(_world.PrimaryHeldUnhealthy);
    }

    /// <summary>Once the step is journaled done, sets the primary's service to what the program declares from the ledger at that moment.</summary>
    private sealed class PulumiUpAfter(string step, DrWorld world) : IProgress<DrEvent>
    {
        public void Report(DrEvent value)
        {
            if (!value.Kind.EndsWith("StepDone", StringComparison.Ordinal) || value.Data.GetValueOrDefault("step") != step) return;
            var key = (DrWorld.Primary, "production-web-blue");
            world.Services[key] = world.Services[key] with { Desired = world.Promoted ? 0 : 3 };
        }
    }
}
