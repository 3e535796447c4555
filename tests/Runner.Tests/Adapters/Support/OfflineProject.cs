namespace Runner.Tests.Adapters.Support;

/// <summary>
/// A project folder for the offline workspace whose program is this repository's <c>infra/</c> (built with the
/// tests, as the runner depends on it), named by a <c>main:</c> relative to the folder as the CLI reads it.
/// </summary>
internal static class OfflineProject
{
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "Infra.sln")))
            {
                folder = folder.Parent ?? throw new InvalidOperationException($"no Infra.sln above {AppContext.BaseDirectory}");
            }

            return folder.FullName;
        }
    }

    /// <summary>Writes <c>Pulumi.yaml</c> of project <c>infra</c> into <paramref name="folder"/>.</summary>
    public static void WriteProjectFile(string folder) =>
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"),
            $"name: infra\nruntime: dotnet\nmain: {Path.GetRelativePath(folder, Path.Combine(RepositoryRoot, "infra"))}\n");
}
