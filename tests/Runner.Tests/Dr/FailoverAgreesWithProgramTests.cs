using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// A <c>pulumi up</c> after <c>failover</c> declares no change to what failover set: failover runs on its topology
/// (read from the stack file and the outputs of the update before it, as the command does) and records
/// <c>drPromoted: true</c> in a real ledger; the program then plans from that ledger, as <c>pulumi up</c> would. Every
/// scalable target failover registered (each region's cluster and ECS service, as EcsDrServices names its resource id)
/// is declared with the same range, and its ECS service with the same count.
/// </summary>
public sealed partial class FailoverAgreesWithProgramTests
{
    private const string DrProvider = "::pulumi:providers:aws::aws-dr";

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public async Task The_program_planned_from_the_ledger_failover_wrote_declares_every_capacity_failover_set(string stackFile)
    {
        var stack = await LocalLedger.NewStackAsync("fo");
        var path = RepoFiles.StackFile(stackFile);
        var settings = StackSettingsLoader.FromDocument(StackFile.Load(path, stack)).GetValidOrThrow();
        var before = await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource());
        var topology = DrTopologyReader.Read(settings, (JsonObject)before.Document["outputs"]!);
        var world = WorldOf(topology);
        var ledger = LocalLedger.Ledger(stack);
        var ports = world.Ports with { Ledger = new LedgerDrRecord(ledger) };

        var failover = await new Failover(ports, new DrOptions(settings.Dr.RpoTargetSeconds)).RunAsync(topology, force: true);
        var after = await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource());

        Assert.Equal(DrOutcome.Succeeded, failover.Outcome);
        var scaled = world.Calls.Select(call => ScaleCall().Match(call)).Where(m => m.Success).ToList();
        // Each service's live color scaled up in the DR region; both colors of each fenced in the primary (before the promotion and after DNS).
        Assert.Equal((1 + 2 * 2) * settings.Services.Count, scaled.Count);
        Assert.Equal(2 * settings.Services.Count, topology.Primary.Writers.Count);
        foreach (var call in scaled)
        {
            var (region, service) = (call.Groups["region"].Value, call.Groups["service"].Value);
            var cluster = region == topology.Dr.Region ? topology.Dr.ClusterName : topology.Primary.ClusterName;
            Assert.Equal(call.Groups["capacity"].Value, Declared(after.Document, region == topology.Dr.Region, cluster, service));
        }
        Assert.Contains(scaled, c => c.Groups["region"].Value == topology.Dr.Region && c.Groups["capacity"].Value != "0 (autoscaling 0..0)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_releases_the_last_full_update_did_not_see_failover_scales_every_color_the_ledgers_release_routes_to(bool split)
    {
        var stack = await LocalLedger.NewStackAsync("fr");
        var path = RepoFiles.StackFile("production");
        var settings = StackSettingsLoader.FromDocument(StackFile.Load(path, stack)).GetValidOrThrow();
        var before = await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource());
        var outputs = (JsonObject)before.Document["outputs"]!;
        // Then, through targeted updates only, each service's other color took all its traffic (or half, a release left split).
        var ledger = LocalLedger.Ledger(stack);
        var release = new ReleaseStore(ledger, ReleaseMapping.Seed(settings));
        await release.ChangeDesiredAsync(state => settings.Services.Aggregate(state, (changed, s) =>
        {
            var current = changed.Services[s.Name];
            var (was, next) = ((string)outputs["services"]![s.Name]!["liveColor"]! == "blue") ? (Color.Blue, Color.Green) : (Color.Green, Color.Blue);
            return changed.With(s.Name, current with
            {
                LiveColor = split ? was : next,
                Weights = split ? new ColorPair<int>(50, 50) : new ColorPair<int>(0, 0).With(next, 100),
                Image = current.Image.With(next, current.Image[was]),
                Running = new ColorPair<bool>(true, true),
            });
        }), CancellationToken.None);
        var topology = DrTopologyReader.Read(await LedgerDeclaredSettings.ReadAsync(settings, ledger, release, CancellationToken.None), outputs);
        var world = WorldOf(topology);
        var ports = world.Ports with { Ledger = new LedgerDrRecord(ledger) };

        var failover = await new Failover(ports, new DrOptions(settings.Dr.RpoTargetSeconds)).RunAsync(topology, force: true);
        var after = await PlanBuilder.BuildAsync(path, stack, new LedgerReleaseSource());

        Assert.Equal(DrOutcome.Succeeded, failover.Outcome);
        var scaledUp = world.Calls.Select(call => ScaleCall().Match(call))
            .Where(m => m.Success && m.Groups["region"].Value == topology.Dr.Region).ToList();
        var routed = settings.Services.SelectMany(s =>
        {
            var names = outputs["dr"]!["dr"]!["services"]![s.Name]!;
            var was = (string)outputs["services"]![s.Name]!["liveColor"]!;
            return split ? [(string)names["blue"]!, (string)names["green"]!] : new[] { (string)names[was == "blue" ? "green" : "blue"]! };
        });
        Assert.Equal(routed.Order(StringComparer.Ordinal), scaledUp.Select(m => m.Groups["service"].Value).Order(StringComparer.Ordinal));
        Assert.All(scaledUp, call =>
        {
            Assert.NotEqual("0 (autoscaling 0..0)", call.Groups["capacity"].Value);
            Assert.Equal(call.Groups["capacity"].Value, Declared(after.Document, inDr: true, topology.Dr.ClusterName, call.Groups["service"].Value));
        });
    }

    /// <summary>
    /// AWS as the planned stack's topology has it before a failover: its two instances, its services (both colors in the
    /// DR region) with no task yet, and a DR load balancer forwarding to the colors the ledger's release routes to.
    /// </summary>
    internal static DrWorld WorldOf(DrTopology topology)
    {
        var world = new DrWorld();
        world.Instances[(topology.Primary.Region, topology.Primary.InstanceId)] = new("available", DrWorld.Arn(topology.Primary.Region, topology.Primary.InstanceId), null, ResourceId: DrWorld.PrimaryResourceId);
        world.Instances[(topology.Dr.Region, topology.Dr.InstanceId)] = new("available", DrWorld.Arn(topology.Dr.Region, topology.Dr.InstanceId), topology.Primary.InstanceId, ResourceId: DrWorld.DrResourceId);
        foreach (var side in new[] { topology.Primary, topology.Dr })
        {
            foreach (var service in side.Writers) world.Services[(side.Region, service.EcsServiceName)] = new(0, 0);
        }

        foreach (var route in topology.Dr.Routes)
        {
            bool Routed(DrService color) => topology.Dr.Services.Any(s => s.EcsServiceName == color.EcsServiceName);
            foreach (var color in new[] { route.Blue, route.Green }) world.Services.TryAdd((topology.Dr.Region, color.EcsServiceName), new(0, 0));
            world.Forwarding[route.Route!.Arn] = new TrafficWeights(Routed(route.Blue) ? 50 : 0, Routed(route.Green) ? 50 : 0);
        }

        return world;
    }

    /// <summary>What the plan declares for the ECS service <paramref name="service"/> in that region, shown as failover shows a capacity.</summary>
    internal static string Declared(JsonObject plan, bool inDr, string cluster, string service)
    {
        var resources = plan["resources"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => (((string?)r["provider"])?.EndsWith(DrProvider, StringComparison.Ordinal) ?? false) == inDr).ToList();
        var target = resources.Single(r => (string)r["type"]! == "aws:appautoscaling/target:Target" &&
            (string?)r["inputs"]!["resourceId"] == $"service/{cluster}/{service}")["inputs"]!;
        var ecs = resources.Single(r => (string)r["type"]! == "aws:ecs/service:Service" && (string?)r["inputs"]!["name"] == service)["inputs"]!;
        return new ServiceCapacity((int)(long)ecs["desiredCount"]!, (int)(long)target["minCapacity"]!, (int)(long)target["maxCapacity"]!).ToString();
    }

    [GeneratedRegex(@"^scale (?<region>\S+): (?<service>\S+) to (?<capacity>.+)$")]
    private static partial Regex ScaleCall();
}
