namespace Infra.Stacks.Tests;

/// <summary>Finds the repository's stack files from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string StackFile(string stack) => Path.Combine(Root, $"Pulumi.{stack}.yaml");

    public static string ProjectFile => Path.Combine(Root, "Pulumi.yaml");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test folder");
    }
}
