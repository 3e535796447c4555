using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public class ResourceTreeTests
{
    [Fact]
    public async Task A_component_registers_its_children_and_its_outputs()
    {
        var (resources, _) = await RunAsync(new RecordingMocks(), () =>
        {
            var storage = new Storage("assets");
            return new Dictionary<string, object?> { ["arn"] = storage.PrimaryArn };
        });

        Assert.Equal(new[] { "assets", "assets-primary" }, resources.Select(r => r.GetResourceName()));
        Assert.IsType<Storage>(resources[0]);
    }

    [Fact]
    public async Task A_component_s_outputs_resolve_from_its_children()
    {
        var mocks = new RecordingMocks();
        Storage? storage = null;
        await RunAsync(mocks, () => { storage = new Storage("assets"); });

        Assert.Equal("arn:test:::assets-primary", await ValueAsync(storage!.PrimaryArn));
    }

    [Fact]
    public async Task Stack_class_outputs_are_its_output_properties()
    {
        var resources = await Deployment.TestAsync<SampleStack>(new RecordingMocks(), Update);

        var stack = Assert.Single(resources.OfType<SampleStack>());
        Assert.Equal("arn:test:::stack-bucket", await ValueAsync(stack.BucketArn));
    }

    [Fact]
    public async Task The_same_name_under_different_parents_is_not_a_duplicate()
    {
        var (resources, _) = await RunAsync(new RecordingMocks(), () =>
        {
            new Storage("a", null);
            new Bucket("a-primary");
            return new Dictionary<string, object?>();
        });

        Assert.Equal(3, resources.Length);
    }
}

public sealed class SampleStack : Stack
{
    [Output("bucketArn")]
    public Output<string> BucketArn { get; private set; }

    public SampleStack()
    {
        BucketArn = new Bucket("stack-bucket").Arn;
    }
}
