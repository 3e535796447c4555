using Infra.Runner.Plan;
using Pulumi;
using Pulumi.Aws.Sns;

namespace Infra.Tests.Plan;

/// <summary>
/// The program sees the test run's URNs (the stack type, then the resource's own); the plan shows the engine's
/// (every parent's type), for resources and for URNs inside stack outputs alike, so both SDK flavors plan alike.
/// </summary>
public class PlanUrnTests
{
    private const string NestedTopicUrn = "urn:pulumi:staging::infra::test:outer:Outer$test:inner:Inner$aws:sns/topic:Topic::nested";

    [Fact]
    public async Task A_urn_exported_as_a_stack_output_is_rendered_as_the_engine_urn_of_that_resource()
    {
        var plan = await PlanBuilder.PlanAsync("staging", options => new ExportingStack(options, "nested", "other"));

        var topic = plan["resources"]!.AsArray().Single(r => (string)r!["name"]! == "nested")!;
        Assert.Equal(NestedTopicUrn, (string)topic["urn"]!);
        Assert.Equal(NestedTopicUrn, (string)plan["outputs"]!["topicUrn"]!);
        Assert.Equal([NestedTopicUrn], plan["outputs"]!["topicUrns"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task A_test_run_urn_that_two_resources_share_is_an_error_naming_both()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PlanBuilder.PlanAsync("staging", options => new ExportingStack(options, "twin", "twin")));

        Assert.Equal("the plan cannot tell which resource the URN 'urn:pulumi:staging::infra::pulumi:pulumi:Stack$aws:sns/topic:Topic::twin' " +
                     "names: it is the test-run URN of urn:pulumi:staging::infra::test:outer:Outer$test:inner:Inner$aws:sns/topic:Topic::twin " +
                     "and urn:pulumi:staging::infra::test:outer:Outer$aws:sns/topic:Topic::twin; give them distinct names", error.Message);
    }

    /// <summary>A topic two components deep, and a sibling topic one deep; exports the deep one's URN.</summary>
    private sealed class ExportingStack : Stack
    {
        [Output("topicUrn")]
        public Output<string> TopicUrn { get; private set; }

        [Output("topicUrns")]
        public Output<string[]> TopicUrns { get; private set; }

        public ExportingStack(StackOptions options, string nestedName, string siblingName) : base(options)
        {
            var outer = new ComponentResource("test:outer:Outer", "outer");
            var inner = new ComponentResource("test:inner:Inner", "inner", new ComponentResourceOptions { Parent = outer });
            var nested = new Topic(nestedName, new TopicArgs(), new CustomResourceOptions { Parent = inner });
            new Topic(siblingName, new TopicArgs(), new CustomResourceOptions { Parent = outer });
            TopicUrn = nested.Urn;
            TopicUrns = nested.Urn.Apply(urn => new[] { urn });
        }
    }
}
