using Infra.Runner.Drill;
using Moq;

namespace Runner.Tests.Drill;

public class DrillPreconditionTests
{
    public static TheoryData<string, Func<DrillStackState, DrillStackState>> Violations => new()
    {
        { "stack staging has no DR replica (infra:dr.replica is false); set it to true and run a full update before a drill", s => s with { Replica = false } },
        { "stack staging has no pilot light (infra:dr.pilotLight is false); set it to true and run a full update before a drill", s => s with { PilotLight = false } },
        { "stack staging has no infra:drRegion; a drill promotes the replica in that region", s => s with { DrRegion = null } },
        { "stack staging is already promoted (the release ledger's dr item or infra:dr.promote says so); fail back first: run `failback --stack staging --yes`, and set infra:dr.promote to false if it is true", s => s with { Promote = true } },
        { "rollout r20260301-0500-ab is in progress on stack staging; resume, abort or roll it back before a drill", s => s with { RolloutInProgressId = "r20260301-0500-ab" } },
        { "stack staging has no drUrl output; run a full update so the outputs include the pilot light", s => s with { DrUrl = null } },
        { "stack staging has no database.replica.identifier output; run a full update so the outputs include the replica", s => s with { ReplicaIdentifier = null } },
        { "stack staging has no database.replica.endpoint output; run a full update so the drill can read its markers from the promoted replica", s => s with { ReplicaEndpoint = null } },
        { "stack staging has no database.primary.endpoint output; run a full update so the drill can write its markers to the primary", s => s with { PrimaryEndpoint = null } },
        {
            "stack staging cannot fail over or back: the stack output dr.dr.clusterName is missing. Run a full update with this version of the program first (a drill promotes through failover)",
            s => s with { Topology = null, TopologyProblem = "stack staging cannot fail over or back: the stack output dr.dr.clusterName is missing. Run a full update with this version of the program first" }
        },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Each_violation_exits_2_with_its_message_and_changes_nothing(string message, Func<DrillStackState, DrillStackState> change)
    {
        var harness = new DrillHarness();
        harness.State = change(harness.State);

        var result = await harness.RunAsync();

        Assert.Equal(DrillOutcome.BadInput, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([message], result.Problems);
        Assert.Null(result.Report);
        Assert.Empty(harness.World.Calls);
        Assert.Empty(harness.Events);
        harness.Lag.Verify(l => l.ReadMaxAsync(It.IsAny<ReplicaLagQuery>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(true, false, "stack production is a production stack (infra:environment: production); a drill promotes its DR region or restores its database into a new instance: add --allow-production to drill it")]
    [InlineData(true, true, null)]
    [InlineData(false, false, null)]
    public void A_production_stack_needs_allow_production(bool production, bool allowProduction, string? refusal) =>
        Assert.Equal(refusal, DrillPreconditions.ProductionRefusal(production ? "production" : "staging", production, allowProduction));

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var state = new DrillHarness().State with { Replica = false, PilotLight = false, Promote = true };

        Assert.Equal(3, DrillPreconditions.Problems(state, restore: false).Count);
    }

    [Fact]
    public void A_restore_drill_needs_only_the_primary_a_replica_or_pilot_light_is_not_asked_for()
    {
        var state = new DrillHarness().State with { Replica = false, PilotLight = false, DrRegion = null, DrUrl = null };

        Assert.Empty(DrillPreconditions.Problems(state, restore: true));
        Assert.Equal(
            [
                "stack staging has no database.primary.identifier output; run a full update so a restore drill knows what to restore",
                "stack staging has no database.primary.endpoint output; run a full update so the drill can write its markers to the primary",
            ],
            DrillPreconditions.Problems(state with { PrimaryIdentifier = null, PrimaryEndpoint = null }, restore: true));
    }
}
