using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

/// <summary>
/// Which URN a resource gets: in a test run the real SDK's mock monitor's (only the root's type before the resource's
/// own, however deep), in a program run the engine's (every parent's type but the stack's).
/// </summary>
public class UrnTests
{
    [Fact]
    public async Task A_test_run_gives_every_resource_the_stack_type_then_its_own_however_deep()
    {
        Storage? storage = null;
        Bucket? topLevel = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            topLevel = new Bucket("top");
            storage = new Storage("assets");
        });

        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack$test:storage/bucket:Bucket::top", await ValueAsync(topLevel!.Urn));
        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack$infra:test:Storage::assets", await ValueAsync(storage!.Urn));
        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack$test:storage/bucket:Bucket::assets-primary", await ValueAsync(storage.Primary.Urn));
    }

    [Fact]
    public async Task A_test_run_names_the_stack_after_project_and_stack_with_the_bare_stack_type()
    {
        var resources = await Deployment.TestAsync<SampleStack>(new RecordingMocks(), Update);

        var stack = Assert.Single(resources.OfType<SampleStack>());
        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack::infra-staging", await ValueAsync(stack.Urn));
    }

    [Fact]
    public async Task A_test_run_hands_the_mock_urn_of_a_provider_to_the_mocks_in_its_reference()
    {
        var mocks = new RecordingMocks();
        await RunAsync(mocks, () =>
        {
            var provider = new TestProvider("west");
            new Bucket("logs", options: new CustomResourceOptions { Provider = provider });
        });

        Assert.Equal("urn:pulumi:staging::infra::pulumi:pulumi:Stack$pulumi:providers:test::west::west-id", mocks.Single("logs").Provider);
    }

    [Fact]
    public async Task A_program_run_gives_the_engine_urn_with_every_parent_type_but_the_stack_s()
    {
        Storage? storage = null;
        Bucket? topLevel = null;
        string prefix = "";
        var exitCode = await Deployment.RunAsync(() =>
        {
            prefix = $"urn:pulumi:{Deployment.Instance.StackName}::{Deployment.Instance.ProjectName}::";
            topLevel = new Bucket("top");
            storage = new Storage("assets");
        });

        Assert.Equal(0, exitCode);
        Assert.Equal(prefix + "test:storage/bucket:Bucket::top", await ValueAsync(topLevel!.Urn));
        Assert.Equal(prefix + "infra:test:Storage::assets", await ValueAsync(storage!.Urn));
        Assert.Equal(prefix + "infra:test:Storage$test:storage/bucket:Bucket::assets-primary", await ValueAsync(storage.Primary.Urn));
    }
}
