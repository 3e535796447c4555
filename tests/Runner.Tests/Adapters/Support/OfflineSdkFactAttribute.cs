using System.Reflection;

namespace Runner.Tests.Adapters.Support;

/// <summary>
/// A test that can only run against the offline Pulumi.Automation: the real package's LocalWorkspace runs the pulumi
/// CLI against a backend, neither of which a test run has. Against the real package the test is reported as skipped
/// with <c>reason</c>, which says what the test needs of the offline workspace.
/// </summary>
internal sealed class OfflineSdkFactAttribute : FactAttribute
{
    public OfflineSdkFactAttribute(string reason)
    {
        var offline = typeof(Pulumi.Automation.WorkspaceStack).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(a => a is { Key: "OfflineSdk", Value: "true" });
        if (!offline) Skip = $"offline SDK only (the real LocalWorkspace needs the pulumi CLI and a backend): {reason}";
    }
}
