namespace Runner.Tests;

/// <summary>The repository and its shipped stack files, as the tests find them.</summary>
internal static class RepoFiles
{
    public static string Root => TestSupport.RepoRoot.Path;

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");
}
