using System.Text.Json.Nodes;
using Infra.Runner.Adapters;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;

namespace Runner.Tests.Adapters;

/// <summary>The outputs the program really exports (its offline plan) are what the reader needs, in the shapes it expects.</summary>
public class ProgramOutputsTests
{
    [Fact]
    public async Task The_staging_program_exports_every_output_the_runner_reads()
    {
        var plan = await PlanBuilder.BuildAsync(RepoFiles.StackFile("staging"));

        var outputs = StackOutputsReader.Read((JsonObject)plan.Document["outputs"]!);

        var web = outputs.For("web");
        Assert.Equal(100, web.Weights.Blue + web.Weights.Green);
        Assert.EndsWith("::web-blue-scaling", web.Blue.ScalingTargetUrn);
        Assert.EndsWith("::web-green-scaling", web.Green.ScalingTargetUrn);
        Assert.Contains("aws:lb/listener", web.TestRouteUrn);
        Assert.Equal(TrafficRouteKind.Listener, web.Route?.Kind);
        Assert.Contains("aws:lb/targetGroup", web.Route!.BlueTargetGroupArn);
    }
}
