using System.Xml.Linq;

namespace Fidelity.Tests.NameClash;

/// <summary>
/// The C# files of the projects under some folders of the repository, each with the imports its project gives every
/// file (<c>global using</c> directives, <c>&lt;Using Include="..."/&gt;</c> items). bin/ and obj/ are skipped.
/// </summary>
public static class ProductSources
{
    public static IReadOnlyList<SourceFile> Load(string repoRoot, IEnumerable<string> folders)
    {
        var files = new List<SourceFile>();
        foreach (var folder in folders.Select(f => Path.Combine(repoRoot, f)).Where(Directory.Exists))
        {
            foreach (var project in Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            {
                var projectDir = Path.GetDirectoryName(project)!;
                var sources = Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => OwningProject(f) == project)
                    .Order(StringComparer.Ordinal)
                    .Select(f => (Path: Relative(repoRoot, f), Text: File.ReadAllText(f)))
                    .ToList();
                var projectImports = UsingItems(repoRoot, project)
                    .Concat(sources.SelectMany(s => SourceScanner.GlobalImports(s.Path, s.Text)))
                    .ToList();
                files.AddRange(sources.Select(s => SourceScanner.Parse(s.Path, s.Text, projectImports)));
            }
        }
        return files;
    }

    // A file belongs to the nearest project above it; build output is no source.
    private static string? OwningProject(string file)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(file)!); dir is not null; dir = dir.Parent)
        {
            if (dir.Name is "bin" or "obj")
                return null;
            if (dir.EnumerateFiles("*.csproj").FirstOrDefault() is { } project)
                return project.FullName;
        }
        return null;
    }

    private static IEnumerable<Import> UsingItems(string repoRoot, string project) =>
        XDocument.Load(project).Descendants("Using")
            .Where(u => u.Attribute("Include") is not null && u.Attribute("Alias") is null && (string?)u.Attribute("Static") != "true")
            .Select(u => new Import((string)u.Attribute("Include")!, Relative(repoRoot, project)));

    private static string Relative(string repoRoot, string path) => Path.GetRelativePath(repoRoot, path).Replace('\\', '/');
}
