using Pulumi;
using Pulumi.Testing;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

/// <summary>
/// How a test run fails, as the real Deployment.TestAsync does: every error the run logs is one message (a
/// RunException's message, a ResourceException's message or its ToString, any other exception under the
/// "Running program" header, a Log.Error text as written); one message is a RunException of it with no inner
/// exception, several an AggregateException of one RunException each.
/// </summary>
public class RunErrorTests
{
    [Fact]
    public async Task One_error_is_a_run_exception_of_its_message_without_an_inner_exception()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            throw new ArgumentException("weights must sum to 100");
        }));

        Assert.Null(error.InnerException);
        Assert.StartsWith(UnhandledExceptionHeader + "System.ArgumentException: weights must sum to 100" + Environment.NewLine, error.Message);
    }

    [Fact]
    public async Task Several_errors_are_an_aggregate_of_one_run_exception_per_message_in_the_order_logged()
    {
        var error = await Assert.ThrowsAsync<AggregateException>(() => RunAsync(new RecordingMocks(), () =>
        {
            Log.Error("certificate missing");
            Log.Error("zone missing");
        }));

        Assert.All(error.InnerExceptions, e => Assert.IsType<RunException>(e));
        Assert.Equal(["certificate missing", "zone missing"], error.InnerExceptions.Select(e => e.Message));
    }

    [Fact]
    public async Task A_log_error_is_a_message_as_written_and_fails_the_run()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            var bucket = new Bucket("assets");
            Log.Error("certificate missing", bucket);
        }));

        Assert.Equal("certificate missing", error.Message);
    }

    [Fact]
    public async Task A_run_exception_the_program_throws_is_its_message_alone()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            throw new RunException("stop here", new InvalidOperationException("the cause"));
        }));

        Assert.Equal("stop here", error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_resource_exception_is_its_to_string_with_the_stack_trace()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            new FailingComponent("broken", hideStack: false);
        }));

        Assert.StartsWith("Pulumi.ResourceException: the settings say no" + Environment.NewLine + "   at ", error.Message);
    }

    [Fact]
    public async Task A_resource_exception_that_hides_its_stack_is_its_message_alone()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            new FailingComponent("broken", hideStack: true);
        }));

        Assert.Equal("the settings say no", error.Message);
    }

    [Fact]
    public async Task An_exception_in_apply_is_an_unhandled_exception_of_the_program()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            var bucket = new Bucket("source");
            bucket.Arn.Apply(arn => arn.Length > 0 ? throw new InvalidOperationException($"cannot use {arn}") : arn);
        }));

        Assert.StartsWith(UnhandledExceptionHeader + "System.InvalidOperationException: cannot use arn:test:::source" + Environment.NewLine, error.Message);
    }

    [Fact]
    public async Task A_failing_apply_in_a_component_s_registered_outputs_fails_the_run()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            new ComponentWithBrokenOutputs("broken-outputs");
        }));

        Assert.StartsWith(UnhandledExceptionHeader + "System.InvalidOperationException: no region in arn:test:::broken-outputs-bucket" + Environment.NewLine, error.Message);
    }

    [Fact]
    public async Task A_provider_failing_a_registration_is_one_error_though_every_output_fails_with_it()
    {
        Bucket? bad = null;
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new FailingMocks("bad"), () =>
        {
            new Bucket("good");
            bad = new Bucket("bad");
            bad.Arn.Apply(arn => arn.Length);
        }));

        Assert.StartsWith(UnhandledExceptionHeader + "System.InvalidOperationException: quota exceeded" + Environment.NewLine, error.Message);
        Assert.Equal("quota exceeded", (await Assert.ThrowsAsync<InvalidOperationException>(() => ValueAsync(bad!.Arn))).Message);
    }

    [Fact]
    public async Task Two_resources_with_the_same_urn_fail_the_run_as_the_engine_would()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            new Bucket("twin");
            new Bucket("twin");
        }));

        Assert.Equal("Duplicate resource URN 'urn:pulumi:staging::infra::test:storage/bucket:Bucket::twin'; try giving it a unique name", error.Message);
    }

    [Fact]
    public async Task A_stack_output_left_unassigned_is_a_run_exception_naming_it()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<UnassignedOutputStack>(new RecordingMocks(), Update));

        Assert.Equal("Output(s) 'Missing' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.", error.Message);
    }

    private sealed class FailingComponent : ComponentResource
    {
        public FailingComponent(string name, bool hideStack) : base("infra:test:Failing", name)
        {
            throw new ResourceException("the settings say no", this, hideStack);
        }
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

    private sealed class FailingMocks(string failing) : IMocks
    {
        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
            args.Name == failing
                ? throw new InvalidOperationException("quota exceeded")
                : Task.FromResult<(string?, object)>((args.Name + "-id", args.Inputs));

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
    }
}

public sealed class UnassignedOutputStack : Stack
{
    [Output("missing")]
    public Output<string> Missing { get; private set; } = null!;
}
