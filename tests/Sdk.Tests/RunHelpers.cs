using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using Pulumi.Testing;

namespace Sdk.Tests;

internal static class RunHelpers
{
    public static TestOptions Update => new() { ProjectName = "infra", StackName = "staging", IsPreview = false };
    public static TestOptions Preview => new() { ProjectName = "infra", StackName = "staging", IsPreview = true };

    public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(
        IMocks mocks, Func<IDictionary<string, object?>> program, TestOptions? options = null) =>
        Deployment.TestAsync(mocks, options ?? Update, program);

    public static Task<ImmutableArray<Resource>> RunAsync(IMocks mocks, Action program, TestOptions? options = null) =>
        Deployment.TestAsync(mocks, options ?? Update, program);

    /// <summary>How the real runner logs an exception that is neither a RunException nor a ResourceException.</summary>
    public static string UnhandledExceptionHeader =>
        $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:\n";

    public static Task<T> ValueAsync<T>(Output<T> output) => Pulumi.Utilities.OutputUtilities.GetValueAsync(output);

    public static Task<bool> KnownAsync<T>(Output<T> output) => Pulumi.Utilities.OutputUtilities.GetIsKnownAsync(output);
}
