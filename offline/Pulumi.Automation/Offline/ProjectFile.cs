using YamlDotNet.RepresentationModel;

namespace Pulumi.Automation.Offline;

/// <summary>
/// What the workspace needs of <c>Pulumi.yaml</c>: the project's name, its runtime and where its program is
/// (<c>main:</c>, relative to the project folder; default the project folder itself, as in the CLI).
/// </summary>
internal sealed record ProjectFile(string Name, string Runtime, string ProgramFolder)
{
    /// <summary>The CLI's default when a workspace has no Pulumi.yaml to name the project.</summary>
    private const string UnnamedProject = "project";

    public static ProjectFile Load(StackFiles files)
    {
        if (!File.Exists(files.ProjectPath)) return new ProjectFile(UnnamedProject, "", files.WorkDir);
        var stream = new YamlStream();
        using (var reader = new StreamReader(files.ProjectPath))
        {
            stream.Load(reader);
        }

        var root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map ? map : new YamlMappingNode();
        var main = Scalar(root, "main");
        // runtime: dotnet, or runtime: {name: dotnet, options: ...}
        var runtime = Scalar(root, "runtime")
            ?? (root.Children.TryGetValue(new YamlScalarNode("runtime"), out var node) && node is YamlMappingNode runtimeMap ? Scalar(runtimeMap, "name") : null);
        return new ProjectFile(
            Scalar(root, "name") ?? UnnamedProject,
            runtime ?? "",
            Path.GetFullPath(Path.Combine(files.WorkDir, main ?? ".")));
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
