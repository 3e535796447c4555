using System.Collections.Immutable;
using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public class SerializationTests
{
    [Fact]
    public async Task Inputs_reach_the_provider_by_their_wire_names_with_nested_args_as_objects()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            var bucket = new Bucket("logs", new BucketArgs
            {
                BucketName = "logs-bucket",
                SizeGb = 20,
                Versioning = new BucketVersioningArgs { Enabled = true },
                Tags = { ["Team"] = "platform" },
                Readers = { "alice", Output.Create("bob") },
            });
        });

        var inputs = mocks.Single("logs").Inputs;
        Assert.Equal("logs-bucket", inputs["bucketName"]);
        Assert.Equal(20.0, inputs["sizeGb"]);
        var versioning = Assert.IsAssignableFrom<IDictionary<string, object>>(inputs["versioning"]);
        Assert.Equal(true, versioning["enabled"]);
        Assert.False(versioning.ContainsKey("mfaDelete"));
        Assert.Equal("platform", Assert.IsAssignableFrom<IDictionary<string, object>>(inputs["tags"])["Team"]);
        Assert.Equal(new object[] { "alice", "bob" }, Assert.IsAssignableFrom<IEnumerable<object>>(inputs["readers"]));
        Assert.False(inputs.ContainsKey("password"));
    }

    [Fact]
    public async Task Json_inputs_are_sent_as_json_text()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            new Bucket("policy", new BucketArgs
            {
                Policy = ImmutableDictionary<string, object>.Empty.Add("Version", "2012-10-17"),
            });
        });

        Assert.Equal("{\"Version\":\"2012-10-17\"}", mocks.Single("policy").Inputs["policy"]);
    }

    [Fact]
    public async Task Secret_inputs_reach_the_provider_as_plain_values()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            new Bucket("db", new BucketArgs { Password = Output.CreateSecret("hunter2") });
        });

        Assert.Equal("hunter2", mocks.Single("db").Inputs["password"]);
    }

    [Fact]
    public async Task Archives_are_passed_to_the_provider_as_assets()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            new Bucket("code", new BucketArgs
            {
                Code = new AssetArchive(new Dictionary<string, AssetOrArchive> { ["index.mjs"] = new StringAsset("export const handler = 1;") }),
            });
        });

        Assert.IsType<AssetArchive>(mocks.Single("code").Inputs["code"]);
    }

    [Fact]
    public async Task Outputs_of_other_resources_are_awaited_before_the_dependent_registers()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            var first = new Bucket("first");
            new Bucket("second", new BucketArgs { BucketName = first.Arn.Apply(arn => $"copy-of-{arn}") });
        });

        Assert.Equal("copy-of-arn:test:::first", mocks.Single("second").Inputs["bucketName"]);
        Assert.Equal(new[] { "first", "second" }, mocks.Registrations.Select(r => r.Name));
    }
}
