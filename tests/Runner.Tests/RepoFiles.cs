namespace Runner.Tests;

/// <summary>Finds the repository (and its shipped stack files) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infra.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"no Infra.sln above {AppContext.BaseDirectory}");
    }
}
