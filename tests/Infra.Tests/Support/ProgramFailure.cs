using System.Reflection;
using Pulumi;

namespace Infra.Tests.Support;

/// <summary>
/// What a test run reports when the program throws. The real Deployment.TestAsync throws a RunException built from the
/// logged message alone: <c>Running program '&lt;entry assembly&gt;' failed with an unhandled exception:</c>, a new line,
/// then the exception's ToString (type, message, stack trace). Both flavors do the same.
/// </summary>
public static class ProgramFailure
{
    private static string Header => $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:\n";

    /// <summary>Runs a plan that must fail with an ArgumentException, and returns that exception's message.</summary>
    public static async Task<string> ArgumentMessageAsync(Func<Task> run)
    {
        const string argumentPrefix = "System.ArgumentException: ";
        var error = await Assert.ThrowsAsync<RunException>(run);

        Assert.Null(error.InnerException);
        Assert.StartsWith(Header + argumentPrefix, error.Message);
        var firstLine = error.Message[Header.Length..].Split('\n')[0].TrimEnd('\r');
        return firstLine[argumentPrefix.Length..];
    }
}
