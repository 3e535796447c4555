using Infra.Runner.Rollout;

namespace Runner.Tests.Rollout;

/// <summary>The worst case a deploy's credentials must outlast, term by term.</summary>
public class RolloutDurationTests
{
    private static RolloutPlan Plan(string steps = "10,50,100", string bake = "5m", params string[] services) =>
        RolloutPlanParser.Parse(new RolloutArguments
        {
            Services = services.Length == 0 ? ["web=web:2", "api=api:2"] : services,
            Steps = steps,
            Bake = bake,
            Interval = "10s",
            SmokeTimeout = "2m",
            TerminationWait = "15m",
        });

    [Fact]
    public void Every_wait_of_a_deploy_and_one_rollback_is_a_named_term()
    {
        var terms = RolloutDuration.Terms(Plan());

        Assert.Equal(
            [
                ("deploying the new images: one service update", 1200),
                ("readiness: every new color healthy within the ready timeout 00:10:00 + one 00:00:10 poll", 610),
                ("smoke checks: 2 service(s) x the smoke timeout 00:02:00", 240),
                ("traffic steps: 3 routing update(s), each waiting out a busy stack", 3 * (300 + 5 + 15 + 30)),
                ("bakes: 3 x (00:05:00 bake + one 00:00:10 poll)", 3 * 310),
                ("inconclusive steps: 3 x the longest bake extension 00:10:00", 3 * 600),
                ("making the new colors live: one routing update", 350),
                ("termination wait: 00:15:00 + one 00:00:10 poll", 910),
                ("scaling the old colors down: one service update", 1200),
                ("rollback reserve: traffic back (one routing update) and the new colors restored (one service update)", 350 + 1200),
            ],
            terms.Select(t => (t.Name, (int)t.Duration.TotalSeconds)));
        Assert.Equal(9840, RolloutDuration.TotalSeconds(Plan()));
        Assert.Equal(TimeSpan.FromSeconds(9840), RolloutDuration.Total(Plan()));
    }

    [Fact]
    public void Timed_pauses_add_their_timeouts_and_a_resume_counts_only_the_pauses_still_ahead()
    {
        var plan = Plan(steps: "10,pause:30m,50,pause,100");
        var term = Assert.Single(RolloutDuration.Terms(plan), t => t.Name.StartsWith("pauses", StringComparison.Ordinal));

        Assert.Equal("pauses: 1 timed pause(s) up to their timeouts (a pause without a timeout waits for a person: not bounded here)", term.Name);
        Assert.Equal(TimeSpan.FromMinutes(30), RolloutDuration.Total(plan) - RolloutDuration.Total(Plan()));
        var record = new RolloutRecord("r-1", DateTimeOffset.UnixEpoch, Plan(steps: "10,pause:30m,50,pause:20m,100"), [], RolloutPhase.Shifting, 1,
            DateTimeOffset.UnixEpoch, PromotionRequest.None);
        var withoutPauses = record with { Plan = record.Plan with { Pauses = [] } };
        Assert.Equal(TimeSpan.FromMinutes(20), RolloutDuration.Remaining(record) - RolloutDuration.Remaining(withoutPauses));
    }

    [Fact]
    public void The_update_allowances_are_the_documented_constants()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), RolloutDuration.ServiceUpdateAllowance);
        Assert.Equal(TimeSpan.FromMinutes(5), RolloutDuration.RoutingUpdateAllowance);
    }

    [Fact]
    public void A_step_adds_one_routing_update_one_bake_and_one_bake_extension()
    {
        var longer = RolloutDuration.Total(Plan(steps: "5,10,50,100")) - RolloutDuration.Total(Plan(steps: "10,50,100"));

        Assert.Equal(RolloutDuration.RoutingUpdateAllowance + TimeSpan.FromSeconds(50) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10) + TimeSpan.FromMinutes(10), longer);
    }

    [Fact]
    public void Each_service_adds_one_smoke_timeout()
    {
        var more = RolloutDuration.Total(Plan(services: ["web=web:2", "api=api:2", "admin=admin:2"])) - RolloutDuration.Total(Plan());

        Assert.Equal(TimeSpan.FromMinutes(2), more);
    }

    [Fact]
    public void A_longer_bake_counts_once_per_step()
    {
        var more = RolloutDuration.Total(Plan(bake: "10m")) - RolloutDuration.Total(Plan(bake: "5m"));

        Assert.Equal(TimeSpan.FromMinutes(15), more);
    }

    [Theory]
    [InlineData(RolloutPhase.Deploying, 0, 9840)]
    // Deploying's service update is behind it.
    [InlineData(RolloutPhase.WaitingForReady, 0, 9840 - 1200)]
    // Step 3 of 3: one routing update, one bake, one extension, then live, termination, scale-down and the reserve.
    [InlineData(RolloutPhase.Shifting, 2, 350 + 310 + 600 + 350 + 910 + 1200 + 1550)]
    [InlineData(RolloutPhase.TerminationWait, 2, 910 + 1200 + 1550)]
    [InlineData(RolloutPhase.ScalingDown, 2, 1200 + 1550)]
    [InlineData(RolloutPhase.Stopping, 0, 1550)]
    [InlineData(RolloutPhase.RollingBack, 1, 1550)]
    public void A_resumed_rollout_needs_what_is_left_of_its_phase_and_the_phases_after_it_with_the_rollback_reserve(RolloutPhase phase, int step, int seconds)
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var record = new RolloutRecord("r1", at, Plan(), [], phase, step, at, PromotionRequest.None);

        Assert.Equal(TimeSpan.FromSeconds(seconds), RolloutDuration.Remaining(record));
    }
}
