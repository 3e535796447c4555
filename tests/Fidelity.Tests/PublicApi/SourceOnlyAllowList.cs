namespace Fidelity.Tests.PublicApi;

/// <summary>One allowed member: declared in the real SDK's sources but missing from its PublicAPI listing.</summary>
public sealed record SourceOnlyMember(string Member, string SourcePath);

/// <summary>
/// SourceOnlyMembers.txt: members the real SDK's sources declare but its PublicAPI listing lacks, each line
/// <c>rendered member | source file in pulumi/pulumi-dotnet</c>. Blank lines and lines starting with # are ignored.
/// </summary>
public sealed class SourceOnlyAllowList
{
    private const string Separator = " | ";

    public SourceOnlyAllowList(IEnumerable<SourceOnlyMember> entries) => Entries = entries.ToList();

    public IReadOnlyList<SourceOnlyMember> Entries { get; }

    public bool Allows(string rendered) => Entries.Any(e => e.Member == rendered);

    public static SourceOnlyAllowList Parse(IEnumerable<string> lines, string fileName)
    {
        var entries = new List<SourceOnlyMember>();
        foreach (var (lineNumber, line) in Names.DataLines(lines))
        {
            var at = line.LastIndexOf(Separator, StringComparison.Ordinal);
            if (at <= 0 || line[(at + Separator.Length)..].Trim().Length == 0)
                throw new FormatException($"{fileName}:{lineNumber}: expected '<rendered member> | <source path in pulumi/pulumi-dotnet>', got: {line}");
            entries.Add(new SourceOnlyMember(line[..at].Trim(), line[(at + Separator.Length)..].Trim()));
        }
        return new SourceOnlyAllowList(entries);
    }

    public static SourceOnlyAllowList Load(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));
}
