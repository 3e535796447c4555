using Pulumi;
using Pulumi.Testing;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public class ResourceTreeTests
{
    [Fact]
    public async Task Urns_carry_stack_project_and_the_types_of_every_parent_but_the_stack()
    {
        Storage? storage = null;
        Bucket? topLevel = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            topLevel = new Bucket("top");
            storage = new Storage("assets");
        });

        Assert.Equal("urn:pulumi:staging::infra::test:storage/bucket:Bucket::top", await ValueAsync(topLevel!.Urn));
        Assert.Equal("urn:pulumi:staging::infra::infra:test:Storage::assets", await ValueAsync(storage!.Urn));
        Assert.Equal("urn:pulumi:staging::infra::infra:test:Storage$test:storage/bucket:Bucket::assets-primary", await ValueAsync(storage.Primary.Urn));
    }

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
    public async Task A_failing_apply_in_a_component_s_registered_outputs_fails_the_run()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new RecordingMocks(), () =>
        {
            new ComponentWithBrokenOutputs("broken-outputs");
        }));

        Assert.Contains("test:storage/bucket:Bucket 'broken-outputs-bucket'", error.Message);
        Assert.Contains("no region in arn:test:::broken-outputs-bucket", error.Message);
    }

    private sealed class ComponentWithBrokenOutputs : ComponentResource
    {
        public ComponentWithBrokenOutputs(string name) : base("infra:test:Broken", name)
        {
            var bucket = new Bucket($"{name}-bucket", options: new CustomResourceOptions { Parent = this });
            RegisterOutputs(new Dictionary<string, object?>
            {
                ["region"] = bucket.Arn.Apply(arn => arn.Split(':')[3] is { Length: > 0 } region ? region : throw new InvalidOperationException($"no region in {arn}")),
            });
        }
    }

    [Fact]
    public async Task Stack_class_outputs_are_its_output_properties()
    {
        var resources = await Deployment.TestAsync<SampleStack>(new RecordingMocks(), Update);

        var stack = Assert.Single(resources.OfType<SampleStack>());
        Assert.Equal("arn:test:::stack-bucket", await ValueAsync(stack.BucketArn));
        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", await ValueAsync(stack.Urn));
    }

    [Fact]
    public async Task Two_resources_with_the_same_urn_fail_the_run()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new RecordingMocks(), () =>
        {
            new Bucket("twin");
            new Bucket("twin");
        }));

        Assert.Contains("Duplicate resource URN 'urn:pulumi:staging::infra::test:storage/bucket:Bucket::twin'; try giving it a unique name", error.Message);
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

    [Fact]
    public async Task An_exception_in_a_resource_constructor_fails_the_run_naming_the_component()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new RecordingMocks(), () =>
        {
            new FailingComponent("broken");
        }));

        Assert.Contains("infra:test:Failing 'broken': the settings say no", error.Message);
    }

    [Fact]
    public async Task An_exception_in_apply_fails_the_run_naming_the_resource_it_came_from()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new RecordingMocks(), () =>
        {
            var bucket = new Bucket("source");
            bucket.Arn.Apply(arn => arn.Length > 0 ? throw new InvalidOperationException($"cannot use {arn}") : arn);
        }));

        Assert.Contains("test:storage/bucket:Bucket 'source'", error.Message);
        Assert.Contains("cannot use arn:test:::source", error.Message);
    }

    [Fact]
    public async Task A_provider_failing_a_registration_fails_the_run_naming_the_resource()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new FailingMocks("bad"), () =>
        {
            new Bucket("good");
            new Bucket("bad");
        }));

        Assert.Contains("test:storage/bucket:Bucket 'bad': quota exceeded", error.Message);
    }

    [Fact]
    public async Task Log_error_fails_the_run()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(new RecordingMocks(), () =>
        {
            Log.Error("certificate missing");
        }));

        Assert.Contains("certificate missing", error.Message);
    }

    private sealed class FailingComponent : ComponentResource
    {
        public FailingComponent(string name) : base("infra:test:Failing", name)
        {
            throw new ResourceException("the settings say no", this);
        }
    }

    private sealed class FailingMocks : IMocks
    {
        private readonly string _failing;

        public FailingMocks(string failing) => _failing = failing;

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
            args.Name == _failing
                ? throw new InvalidOperationException("quota exceeded")
                : Task.FromResult<(string?, object)>((args.Name + "-id", args.Inputs));

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
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
