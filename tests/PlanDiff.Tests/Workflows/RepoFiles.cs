namespace PlanDiff.Tests.Workflows;

/// <summary>Finds files of this repository from the test's output folder by walking up to Infra.sln.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string WorkflowsDirectory => Path.Combine(Root, ".github", "workflows");

    public static string Workflow(string file) => File.ReadAllText(Path.Combine(WorkflowsDirectory, file));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Infra.sln above {AppContext.BaseDirectory}");
    }
}
