using System.Text.Json.Nodes;
using Infra;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// What a <c>pulumi up</c> would declare at each point of a fail-back: the real <see cref="Failover"/>, then the real
/// <see cref="Failback"/>, record the promotion in a real ledger (dynalite), and after each step of fail-back's
/// switchover the program plans from that ledger, as <c>pulumi up</c> would. From the step that records switching back
/// until the primary's database is promoted, no ECS service of either region may be declared with a task or room to
/// start one; before it the DR region runs, after the ledger says not promoted the primary does.
/// </summary>
public sealed class FailbackAgreesWithProgramTests
{
    private const string Stopped = "0 (autoscaling 0..0)";

    /// <summary>The steps after which the program must declare no task anywhere.</summary>
    private static readonly string[] Window =
    [
        "record-switching-back", "scale-stop-writes", "wait-stop-writes", "final-catch-up", "promote-database-eu-west-1", "wait-database-eu-west-1",
    ];

    [Fact]
    public async Task From_switching_back_until_the_primary_is_promoted_the_program_planned_from_the_ledger_starts_no_service_in_either_region()
    {
        var stack = await LocalLedger.NewStackAsync("fb");
        var path = RepoFiles.StackFile("production");
        var settings = StackSettingsLoader.FromDocument(StackFile.Load(path, stack)).GetValidOrThrow();
        var before = await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource());
        var topology = DrTopologyReader.Read(settings, (JsonObject)before.Document["outputs"]!);
        var world = FailoverAgreesWithProgramTests.WorldOf(topology);
        var ledger = new LedgerDrRecord(LocalLedger.Ledger(stack));
        var options = new DrOptions(settings.Dr.RpoTargetSeconds);
        Assert.Equal(DrOutcome.Succeeded, (await new Failover(world.Ports with { Ledger = ledger }, options).RunAsync(topology, force: true)).Outcome);
        var planned = new Dictionary<string, DeclaredServices>();
        HashSet<string> planAfter = ["catch-up", .. Window, "record-promotion"];
        var planning = new PlanAfterEachStep(ledger, async step =>
        {
            if (planAfter.Contains(step)) planned[step] = Read(await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource()), topology);
        });

        // Killed once the primary's services are scaled: what follows is the rebuild, which the window does not reach.
        await Assert.ThrowsAsync<KillAfter.Killed>(() => new Failback(world.Ports with { Ledger = planning, Progress = new KillAfter("scale-primary-services") }, options, world.State)
            .RunAsync(topology));

        var live = (Primary: topology.Primary.Services.Select(s => s.Live.ToString()).ToList(), Dr: topology.Dr.Services.Select(s => s.Live.ToString()).ToList());
        var stopped = (Primary: topology.Primary.Services.Select(_ => Stopped).ToList(), Dr: topology.Dr.Services.Select(_ => Stopped).ToList());
        Assert.Equal(stopped.Primary, planned["catch-up"].Primary);
        Assert.Equal(live.Dr, planned["catch-up"].Dr);
        Assert.Contains(live.Dr, capacity => capacity != Stopped);
        foreach (var step in Window)
        {
            Assert.True(planned[step].NothingRuns, $"after {step} the program declares a service that runs or may start a task");
        }

        Assert.Equal(live.Primary, planned["record-promotion"].Primary);
        Assert.Equal(stopped.Dr, planned["record-promotion"].Dr);
    }

    /// <summary>Each region's live services as declared (in the topology's order), and whether every ECS service and scalable target of the plan is stopped.</summary>
    private sealed record DeclaredServices(List<string> Primary, List<string> Dr, bool NothingRuns);

    private static DeclaredServices Read(PlanResult plan, DrTopology topology)
    {
        var resources = plan.Document["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var services = resources.Where(r => (string)r["type"]! == "aws:ecs/service:Service").Select(r => r["inputs"]!).ToList();
        var targets = resources.Where(r => (string)r["type"]! == "aws:appautoscaling/target:Target" && ((string?)r["inputs"]!["resourceId"])?.StartsWith("service/", StringComparison.Ordinal) == true)
            .Select(r => r["inputs"]!).ToList();
        // Every service has its scalable target (autoscaling owns the desired count), so none can be started behind the count's back.
        var nothingRuns = services.Count > 0 && services.Count == targets.Count && services.All(s => (long)s["desiredCount"]! == 0) && targets.All(t => (long)t["minCapacity"]! == 0 && (long)t["maxCapacity"]! == 0);
        return new DeclaredServices(
            topology.Primary.Services.Select(s => FailoverAgreesWithProgramTests.Declared(plan.Document, false, topology.Primary.ClusterName, s.EcsServiceName)).ToList(),
            topology.Dr.Services.Select(s => FailoverAgreesWithProgramTests.Declared(plan.Document, true, topology.Dr.ClusterName, s.EcsServiceName)).ToList(),
            nothingRuns);
    }

    /// <summary>
    /// The real ledger, which once each fail-back step is journaled done runs <paramref name="stepDone"/> (a plan), before
    /// the next step starts. The procedure notes a journal failure instead of failing, so the test asserts afterwards.
    /// </summary>
    private sealed class PlanAfterEachStep(IDrLedger ledger, Func<string, Task> stepDone) : IDrLedger
    {
        public Task<PromotionState> ReadPromotionAsync(CancellationToken cancellationToken) => ledger.ReadPromotionAsync(cancellationToken);

        public Task RecordPromotionAsync(PromotionState promotion, CancellationToken cancellationToken) => ledger.RecordPromotionAsync(promotion, cancellationToken);

        public Task<string?> ReadPromotedResourceIdAsync(CancellationToken cancellationToken) => ledger.ReadPromotedResourceIdAsync(cancellationToken);

        public Task RecordPromotingAsync(string resourceId, CancellationToken cancellationToken) => ledger.RecordPromotingAsync(resourceId, cancellationToken);

        public Task<string> MarkReleasePromotedAsync(bool promoted, CancellationToken cancellationToken) => ledger.MarkReleasePromotedAsync(promoted, cancellationToken);

        public Task<bool> ReadReleaseMarkedAsync(CancellationToken cancellationToken) => ledger.ReadReleaseMarkedAsync(cancellationToken);

        public async Task AppendAsync(DrEvent drEvent, CancellationToken cancellationToken)
        {
            await ledger.AppendAsync(drEvent, cancellationToken);
            if (drEvent.Kind == "FailbackStepDone") await stepDone(drEvent.Data["step"]);
        }
    }
}
