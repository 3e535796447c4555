namespace Fidelity.Tests.NameClash;

/// <summary>
/// Finds names that the real packages would make ambiguous (CS0104) though the offline build compiles: a simple name a
/// file uses that two or more namespaces it imports (using directive, global using, project Using item) declare, at
/// least one of them a namespace of a package the offline SDK replaces (whose real types the offline SDK only partly
/// declares), unless the file aliases the name or its own namespace declares it (which wins over imports). Also reports
/// an imported namespace of a replaced package that the catalogue knows nothing of, since a clash there would go unseen.
/// </summary>
public sealed class NameClashChecker(RealTypeCatalog real)
{
    public IReadOnlyList<string> Check(IReadOnlyList<SourceFile> files)
    {
        var ours = files.SelectMany(f => f.Types).ToLookup(t => t.Namespace, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var realImports = file.Imports.Where(i => RealTypeCatalog.IsOfflineReplaced(i.Namespace)).ToList();
            foreach (var unknown in realImports.Where(i => real.TypesOf(i.Namespace) is null))
                problems.Add($"{unknown.Where}: imports {unknown.Namespace}, of which the fidelity data (PublicAPI listings, CloudWatchMembers.txt, provider typings) knows no public type, so a name clash there cannot be seen; add its real types to that data");

            var ownNamespaces = OwnNamespaces(file).ToHashSet(StringComparer.Ordinal);
            var declarers = file.Imports
                .SelectMany(i => DeclaredIn(i, ours))
                .Concat(realImports.SelectMany(i => (real.TypesOf(i.Namespace) ?? new Dictionary<TypeName, string>())
                    .Select(t => (Import: i, t.Key, Origin: $"the real one in {t.Value}"))))
                .Where(d => file.Mentions.Contains(d.Key.Name) && !file.Aliases.Contains(d.Key.Name))
                .Where(d => !ours[""].Concat(ownNamespaces.SelectMany(n => ours[n])).Any(t => t.Name == d.Key))
                .GroupBy(d => d.Key);
            foreach (var clash in declarers)
            {
                var distinct = clash.DistinctBy(d => d.Import.Namespace).ToList();
                if (distinct.Count < 2 || !distinct.Any(d => RealTypeCatalog.IsOfflineReplaced(d.Import.Namespace)))
                    continue;
                problems.Add($"{file.Path}: imports {string.Join(" and ", distinct.Select(d => $"{d.Import.Namespace} ({d.Import.Where})"))}; " +
                             $"{(distinct.Count == 2 ? "both" : "all")} declare {clash.Key} ({string.Join(", ", distinct.Select(d => d.Origin))}), so with the real packages '{clash.Key}' " +
                             "is ambiguous there (CS0104): name it through a using alias" + (distinct.Any(d => d.Origin.StartsWith("ours", StringComparison.Ordinal)) ? " or rename ours" : ""));
            }
        }
        return problems.Distinct().ToList();
    }

    private static IEnumerable<(Import Import, TypeName Key, string Origin)> DeclaredIn(Import import, ILookup<string, DeclaredType> ours) =>
        ours[import.Namespace].Select(t => (import, t.Name, $"ours at {t.Where}"));

    // The namespaces a file's types live in and every namespace enclosing them: their types win over imported ones.
    private static IEnumerable<string> OwnNamespaces(SourceFile file) =>
        file.Namespaces.SelectMany(ns => ns.Split('.').Select((_, i) => string.Join(".", ns.Split('.').Take(i + 1))));
}
