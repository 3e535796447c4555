namespace TestSupport;

/// <summary>The repository's root (the folder holding Infra.sln), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Infra.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Infra.sln not found above the test folder");
    }
}
