using Infra;
using Infra.Runner.Adapters;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>The program's ledger read, through the plan: what <c>pulumi up</c> would declare once the runner released.</summary>
public class PlanFromLedgerTests
{
    [Fact]
    public async Task With_a_ledger_the_plan_declares_the_released_colors_weights_and_images_over_the_stack_files()
    {
        var stack = await LocalLedger.NewStackAsync("plan");
        var seed = ReleaseMapping.Seed(StackSettingsLoader.FromFile(RepoFiles.StackFile("staging")).GetValidOrThrow());
        var released = seed.With("web", seed.Services["web"] with
        {
            LiveColor = Color.Green,
            Weights = new ColorPair<int>(0, 100),
            Image = seed.Services["web"].Image.With(Color.Green, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.6.0"),
            Running = new ColorPair<bool>(true, true),
        });
        await LocalLedger.Ledger(stack).WriteReleaseAsync(0, released, released, "test");

        var fromLedger = await PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"), stack, new LedgerReleaseSource());
        var fromFile = await PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"), stack);

        Assert.Equal((DeployColor.Green, TrafficWeights.AllTo(DeployColor.Green)), Web(fromLedger));
        Assert.Equal((DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue)), Web(fromFile));
    }

    [Fact]
    public async Task Before_the_table_exists_the_stack_file_seeds_the_release()
    {
        await LocalLedger.EnsureStartedAsync();

        var plan = await PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"), "unreleased", new LedgerReleaseSource());

        Assert.Equal((DeployColor.Blue, TrafficWeights.AllTo(DeployColor.Blue)), Web(plan));
    }

    private static (DeployColor LiveColor, TrafficWeights Weights) Web(PlanResult plan)
    {
        var web = StackOutputsReader.Read((System.Text.Json.Nodes.JsonObject)plan.Document["outputs"]!).For("web");
        return (web.LiveColor, web.Weights);
    }
}
