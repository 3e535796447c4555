using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public class OptionsTests
{
    [Fact]
    public async Task Children_inherit_the_provider_a_component_was_given()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            var dr = new TestProvider("dr");
            new Storage("replica", new ComponentResourceOptions { Providers = { dr } });
        });

        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack$pulumi:providers:test::dr::dr-id", mocks.Single("replica-primary").Provider);
    }

    [Fact]
    public async Task An_explicit_provider_wins_over_the_inherited_one()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            var first = new TestProvider("first");
            var second = new TestProvider("second");
            var storage = new Storage("s", new ComponentResourceOptions { Providers = { first } });
            new Bucket("explicit", options: new CustomResourceOptions { Parent = storage, Provider = second });
        });

        Assert.StartsWith("urn:pulumi:staging::infra::pulumi:pulumi:Stack$pulumi:providers:test::second::", mocks.Single("explicit").Provider);
    }

    [Fact]
    public async Task Stack_transformations_see_every_resource_and_may_change_its_options()
    {
        var resources = await Deployment.TestAsync<TransformedStack>(new RecordingMocks(), Update);

        Assert.Equal(new[] { "secret-arn", "secret-arn-child" }, TransformedStack.Seen);
        foreach (var bucket in resources.OfType<Bucket>())
        {
            Assert.True(await Output.IsSecretAsync(bucket.Arn));
        }
        Assert.Equal(3, resources.Length);
    }

    [Fact]
    public async Task A_transformation_may_not_change_the_parent()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync<ReparentingStack>(new RecordingMocks(), Update));

        Assert.Contains("Transformations cannot currently be used to change the 'parent' of a resource.", error.Message);
    }

    public sealed class TransformedStack : Stack
    {
        public static List<string> Seen { get; } = new();
        public TransformedStack() : base(new StackOptions { ResourceTransformations = { MarkArnSecret } })
        {
            var parent = new Bucket("secret-arn");
            new Bucket("secret-arn-child", options: new CustomResourceOptions { Parent = parent });
        }

        private static ResourceTransformationResult? MarkArnSecret(ResourceTransformationArgs args)
        {
            // The stack's own transformations run on the stack too.
            if (args.Options is not CustomResourceOptions) return null;
            Seen.Add(args.Resource.GetResourceName());
            var options = CustomResourceOptions.Merge((CustomResourceOptions)args.Options, new CustomResourceOptions { AdditionalSecretOutputs = { "arn" } });
            return new ResourceTransformationResult(args.Args, options);
        }
    }

    public sealed class ReparentingStack : Stack
    {
        public ReparentingStack() : base(new StackOptions { ResourceTransformations = { Reparent } })
        {
            new Bucket("orphan");
        }

        private static ResourceTransformationResult? Reparent(ResourceTransformationArgs args)
        {
            if (args.Options is not CustomResourceOptions) return null;
            var options = CustomResourceOptions.Merge((CustomResourceOptions)args.Options, new CustomResourceOptions { Parent = args.Resource });
            return new ResourceTransformationResult(args.Args, options);
        }
    }
}
