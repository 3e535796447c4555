using System.Reflection;

namespace Runner.Tests.Adapters.Support;

/// <summary>
/// A test of what only the offline AWSSDK.CloudWatch does (refusing AWS, since it cannot sign requests). Against the
/// real package, which would call AWS, the test is reported as skipped with <c>reason</c>.
/// </summary>
internal sealed class OfflineCloudWatchFactAttribute : FactAttribute
{
    public OfflineCloudWatchFactAttribute(string reason)
    {
        var offline = typeof(Amazon.CloudWatch.IAmazonCloudWatch).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Any(a => a is { Key: "OfflineSdk", Value: "true" });
        if (!offline) Skip = $"offline AWSSDK.CloudWatch only (the real client calls AWS): {reason}";
    }
}
