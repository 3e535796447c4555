using System.Reflection;

namespace Runner.Tests.Adapters.Support;

/// <summary>Whether a package is the in-repo offline stand-in, for tests of what only the stand-in does.</summary>
internal static class OfflineSdk
{
    /// <summary>Null when <paramref name="package"/> is offline; else the skip reason, saying why the real one cannot run it.</summary>
    public static string? SkipUnlessOffline(Assembly package, string why, string reason) =>
        package.GetCustomAttributes<AssemblyMetadataAttribute>().Any(a => a is { Key: "OfflineSdk", Value: "true" })
            ? null
            : $"{why}: {reason}";

    /// <summary>The real LocalWorkspace runs the pulumi CLI against a backend, neither of which a test run has.</summary>
    public static string? SkipUnlessOfflineWorkspace(string reason) => SkipUnlessOffline(typeof(Pulumi.Automation.WorkspaceStack).Assembly,
        "offline SDK only (the real LocalWorkspace needs the pulumi CLI and a backend)", reason);
}

/// <summary>A test that needs the offline Pulumi.Automation; with the real package it is skipped with <c>reason</c>.</summary>
internal sealed class OfflineSdkFactAttribute : FactAttribute
{
    public OfflineSdkFactAttribute(string reason) => Skip = OfflineSdk.SkipUnlessOfflineWorkspace(reason);
}

/// <summary>The theory form of <see cref="OfflineSdkFactAttribute"/>.</summary>
internal sealed class OfflineSdkTheoryAttribute : TheoryAttribute
{
    public OfflineSdkTheoryAttribute(string reason) => Skip = OfflineSdk.SkipUnlessOfflineWorkspace(reason);
}

/// <summary>
/// A test of what only the offline AWSSDK.CloudWatch does (refusing AWS, since it cannot sign requests); with the real
/// package, which would call AWS, it is skipped with <c>reason</c>.
/// </summary>
internal sealed class OfflineCloudWatchFactAttribute : FactAttribute
{
    public OfflineCloudWatchFactAttribute(string reason) =>
        Skip = OfflineSdk.SkipUnlessOffline(typeof(Amazon.CloudWatch.IAmazonCloudWatch).Assembly, "offline AWSSDK.CloudWatch only (the real client calls AWS)", reason);
}
