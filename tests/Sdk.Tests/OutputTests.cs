using System.Collections.Immutable;
using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public class OutputTests
{
    [Fact]
    public async Task Output_properties_are_set_from_the_provider_state_by_wire_name()
    {
        Bucket? bucket = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            bucket = new Bucket("data", new BucketArgs
            {
                BucketName = "data-bucket",
                SizeGb = 5,
                Tags = { ["Env"] = "prod" },
                Versioning = new BucketVersioningArgs { Enabled = true, MfaDelete = false },
            });
        });

        Assert.Equal("data-id", await ValueAsync(bucket!.Id));
        Assert.Equal("arn:test:::data", await ValueAsync(bucket.Arn));
        Assert.Equal("data-bucket", await ValueAsync(bucket.BucketName));
        Assert.Equal(5, await ValueAsync(bucket.SizeGb));
        Assert.Equal("prod", (await ValueAsync(bucket.Tags))["Env"]);
        var versioning = await ValueAsync(bucket.Versioning);
        Assert.True(versioning!.Enabled);
        Assert.False(versioning.MfaDelete);
    }

    [Fact]
    public async Task Secrets_stay_secret_through_apply_format_and_tuple()
    {
        Output<string>? applied = null, formatted = null;
        Output<(string, string)>? tuple = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            var password = Output.CreateSecret("hunter2");
            applied = password.Apply(p => p.ToUpperInvariant());
            formatted = Output.Format($"postgres://app:{password}@db");
            tuple = Output.Tuple(Output.Create("plain"), password);
        });

        Assert.True(await Output.IsSecretAsync(applied!));
        Assert.Equal("HUNTER2", await ValueAsync(applied!));
        Assert.True(await Output.IsSecretAsync(formatted!));
        Assert.True(await Output.IsSecretAsync(tuple!));
        Assert.False(await Output.IsSecretAsync(Output.Unsecret(applied!)));
    }

    [Fact]
    public async Task Additional_secret_outputs_are_marked_secret()
    {
        Bucket? bucket = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            bucket = new Bucket("s", new BucketArgs { BucketName = "s" }, new CustomResourceOptions { AdditionalSecretOutputs = { "bucketName" } });
        });

        Assert.True(await Output.IsSecretAsync(bucket!.BucketName));
        Assert.False(await Output.IsSecretAsync(bucket.Arn));
    }

    [Fact]
    public async Task In_a_preview_outputs_the_provider_did_not_return_are_unknown_and_apply_does_not_run()
    {
        Bucket? bucket = null;
        var applyRan = false;
        Output<string>? derived = null;
        await RunAsync(new RecordingMocks { ComputeArn = false }, () =>
        {
            bucket = new Bucket("p", new BucketArgs { BucketName = "p" });
            derived = bucket.Arn.Apply(arn => { applyRan = true; return arn + "/x"; });
        }, Preview);

        Assert.False(await KnownAsync(bucket!.Arn));
        Assert.True(await KnownAsync(bucket.BucketName));
        Assert.False(await KnownAsync(derived!));
        Assert.False(applyRan);
    }

    [Fact]
    public async Task In_an_update_outputs_the_provider_did_not_return_are_known_and_empty()
    {
        Bucket? bucket = null;
        await RunAsync(new RecordingMocks { ComputeArn = false }, () => { bucket = new Bucket("u"); });

        Assert.True(await KnownAsync(bucket!.Arn));
        Assert.Null(await ValueAsync(bucket.Arn));
    }

    [Fact]
    public async Task Unknown_inputs_are_not_sent_to_the_provider()
    {
        var mocks = new RecordingMocks { ComputeArn = false };
        await RunAsync(mocks, () =>
        {
            var first = new Bucket("first");
            new Bucket("second", new BucketArgs { BucketName = first.Arn, SizeGb = 1 });
        }, Preview);

        Assert.False(mocks.Single("second").Inputs.ContainsKey("bucketName"));
        Assert.Equal(1.0, mocks.Single("second").Inputs["sizeGb"]);
    }

    [Fact]
    public async Task All_format_and_json_serialize_combine_known_values()
    {
        Output<ImmutableArray<string>>? all = null;
        Output<string>? json = null, formatted = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            all = Output.All(Output.Create("a"), Output.Create("b"));
            json = Output.JsonSerialize(Output.Create(new { Version = "2012-10-17" }));
            formatted = Output.Format($"{Output.Create("host")}:{443}");
        });

        Assert.Equal(new[] { "a", "b" }, await ValueAsync(all!));
        Assert.Equal("{\"Version\":\"2012-10-17\"}", await ValueAsync(json!));
        Assert.Equal("host:443", await ValueAsync(formatted!));
    }

    [Fact]
    public async Task Dependencies_of_an_output_are_the_resources_it_came_from()
    {
        Bucket? bucket = null;
        Output<string>? derived = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            bucket = new Bucket("dep");
            derived = bucket.Arn.Apply(a => a + "!");
        });

        var dependencies = await Pulumi.Utilities.OutputUtilities.GetDependenciesAsync(derived!);
        Assert.Same(bucket, Assert.Single(dependencies));
    }
}
