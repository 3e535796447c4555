namespace Infra.Tests;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Infra.sln not found above " + AppContext.BaseDirectory);
    }
}
