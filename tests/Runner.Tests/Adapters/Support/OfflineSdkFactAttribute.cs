using System.Reflection;

namespace Runner.Tests.Adapters.Support;

/// <summary>
/// A test of behaviour only the offline Pulumi.Automation has (config in the stack file, update history and lock under
/// .pulumi-offline/). Against the real package, which needs the pulumi CLI and a backend, it is reported as skipped.
/// </summary>
internal sealed class OfflineSdkFactAttribute : FactAttribute
{
    public OfflineSdkFactAttribute()
    {
        var offline = typeof(Pulumi.Automation.WorkspaceStack).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(a => a is { Key: "OfflineSdk", Value: "true" });
        if (!offline) Skip = "needs the offline Pulumi.Automation (build with -p:OfflineSdk=true)";
    }
}
