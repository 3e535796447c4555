using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// What <c>pulumi up</c> declares for each region's services once the ledger's <c>dr</c> item says promoted (after
/// <c>failover</c>): the primary's services as failover's fence leaves them (no tasks, autoscaling 0..0), the DR
/// region's live colors at their live range; and while it says switching back (fail-back's catch-up), both regions'
/// services stopped.
/// </summary>
public sealed class FailoverFenceCompositionTests
{
    private const string EcsService = "aws:ecs/service:Service";
    private const string ScalingTarget = "aws:appautoscaling/target:Target";

    /// <summary>The release ledger after failover: the stack file's release, promoted (and switching back, during fail-back's switchover).</summary>
    internal sealed class PromotedLedger(bool switchingBack = false) : IReleaseSource
    {
        public ReleaseState? ReadDesired(StackSettings settings) => ReleaseState.Empty with { DrPromoted = true, DrSwitchingBack = switchingBack };

        public string Describe(StackSettings settings) => switchingBack ? "a release ledger during fail-back" : "a release ledger after failover";
    }

    private static async Task<ComponentPlan> PlanAsync(string stack, bool promoted, bool switchingBack = false) =>
        ComponentPlan.Of(await PlanBuilder.BuildAsync(RepoPaths.StackFile(stack), release: promoted ? new PromotedLedger(switchingBack) : null));

    private static (long Desired, long Min, long Max) Capacity(ComponentPlan plan, string service)
    {
        var scaling = plan.Inputs(ScalingTarget, $"{service}-scaling");
        return ((long)plan.Inputs(EcsService, service)["desiredCount"]!, (long)scaling["minCapacity"]!, (long)scaling["maxCapacity"]!);
    }

    [Theory]
    [InlineData("production", "web", "blue", 3, 3, 12)]
    [InlineData("production", "api", "green", 2, 2, 8)]
    [InlineData("staging", "web", "blue", 1, 1, 3)]
    [InlineData("staging", "api", "green", 1, 1, 2)]
    public async Task After_failover_the_primary_services_stay_fenced_and_the_dr_live_colors_run_their_live_range(
        string stack, string service, string live, long desired, long min, long max)
    {
        var idle = live == "blue" ? "green" : "blue";

        var plan = await PlanAsync(stack, promoted: true);

        Assert.Equal((0L, 0L, 0L), Capacity(plan, $"{service}-{live}"));
        Assert.Equal((0L, 0L, 0L), Capacity(plan, $"{service}-{idle}"));
        Assert.Equal((desired, min, max), Capacity(plan, $"dr-{service}-{live}"));
        Assert.Equal((0L, 0L, 0L), Capacity(plan, $"dr-{service}-{idle}"));
    }

    [Theory]
    [InlineData("production", "web", "blue", 3, 3, 12)]
    [InlineData("staging", "api", "green", 1, 1, 2)]
    public async Task Until_failover_the_primary_services_run_their_live_range_and_the_pilot_light_none(
        string stack, string service, string live, long desired, long min, long max)
    {
        var plan = await PlanAsync(stack, promoted: false);

        Assert.Equal((desired, min, max), Capacity(plan, $"{service}-{live}"));
        Assert.Equal((0L, 0L, 0L), Capacity(plan, $"dr-{service}-{live}"));
    }

    [Theory]
    [InlineData("production", "web", "blue")]
    [InlineData("production", "api", "green")]
    [InlineData("staging", "web", "blue")]
    [InlineData("staging", "api", "green")]
    public async Task While_fail_back_switches_back_both_regions_services_are_stopped(string stack, string service, string live)
    {
        var idle = live == "blue" ? "green" : "blue";

        var plan = await PlanAsync(stack, promoted: true, switchingBack: true);

        foreach (var declared in new[] { $"{service}-{live}", $"{service}-{idle}", $"dr-{service}-{live}", $"dr-{service}-{idle}" })
        {
            Assert.Equal((0L, 0L, 0L), Capacity(plan, declared));
        }
    }

    [Fact]
    public async Task Switching_back_changes_only_capacities_no_resource_is_added_removed_or_renamed()
    {
        var promoted = await PlanAsync("production", promoted: true);
        var switching = await PlanAsync("production", promoted: true, switchingBack: true);

        Assert.Equal(promoted.Urns.Order(StringComparer.Ordinal), switching.Urns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_fence_changes_only_capacities_no_resource_is_added_removed_or_renamed_in_the_primary_region()
    {
        var before = await PlanAsync("production", promoted: false);
        var after = await PlanAsync("production", promoted: true);

        static IEnumerable<string> Primary(ComponentPlan plan) =>
            plan.Urns.Where(u => !u.Contains("::dr-") && !u.Contains("::alarms-dr") && !u.Contains("::alerting-dr")).Order(StringComparer.Ordinal);
        Assert.Equal(Primary(before), Primary(after));
    }

    [Fact]
    public void The_fence_holds_only_while_promoted_with_a_pilot_light_to_serve_from()
    {
        var settings = StackSettingsLoader.FromFile(RepoPaths.StackFile("production")).GetValidOrThrow();

        Assert.False(FailoverFence.Holds(settings));
        Assert.True(FailoverFence.Holds(settings with { Dr = settings.Dr with { Promote = true } }));
        // Promoted without a pilot light the primary region's services are the only ones: they keep running.
        var noPilotLight = settings with { Dr = settings.Dr with { Promote = true, PilotLight = false } };
        Assert.False(FailoverFence.Holds(noPilotLight));
        Assert.Same(noPilotLight, FailoverFence.PrimarySettingsFor(noPilotLight));
    }
}
