using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>The outputs the program really exports (its offline plan) are what the reader needs, in the shapes it expects.</summary>
public class PlanOutputsSourceTests
{
    [Fact]
    public async Task The_staging_plan_exports_every_output_the_runner_reads()
    {
        var outputs = StackOutputsReader.Read(await new PlanOutputsSource(RepoFiles.StackFile("staging")).ReadAsync(CancellationToken.None));

        var web = outputs.For("web");
        Assert.Equal(100, web.Weights.Blue + web.Weights.Green);
        Assert.EndsWith("::web-blue-scaling", web.Blue.ScalingTargetUrn);
        Assert.EndsWith("::web-green-scaling", web.Green.ScalingTargetUrn);
        Assert.Contains("aws:lb/listener", web.TestRouteUrn);
    }
}
