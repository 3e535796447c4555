namespace Fidelity.Tests.Aws;

/// <summary>One verified exception to the naming rule: the real SDK's name for a wire name on one C# type.</summary>
public sealed record CSharpNameException(string TypeFullName, string Member, string Wire, string EvidencePath);

/// <summary>
/// The property name the real C# SDK gives a wire name: PascalCase (first letter upper-cased), except where the
/// provider renames it (e.g. Iam.Policy's <c>policy</c> is <c>PolicyDocument</c>, a property may not share its class's
/// name). Exceptions live in AwsCSharpNames.txt, one verified line each:
/// <c>Type.Member | wire name | evidence path in pulumi/pulumi-aws</c>.
/// </summary>
public sealed class CSharpNameRule
{
    private readonly Dictionary<(string Type, string Wire), CSharpNameException> _exceptions;

    public CSharpNameRule(IEnumerable<CSharpNameException> exceptions) =>
        _exceptions = exceptions.ToDictionary(e => (e.TypeFullName, e.Wire));

    public static CSharpNameRule None { get; } = new([]);

    public string Expected(Type declaringType, string wire) =>
        _exceptions.TryGetValue((declaringType.FullName!, wire), out var exception) ? exception.Member : Names.Pascal(wire);

    public static CSharpNameRule Parse(IEnumerable<string> lines, string fileName)
    {
        var exceptions = new List<CSharpNameException>();
        foreach (var (lineNumber, line) in Names.DataLines(lines))
        {
            var parts = line.Split(" | ");
            var dot = parts[0].LastIndexOf('.');
            if (parts.Length != 3 || dot <= 0 || parts.Any(p => p.Trim().Length == 0))
                throw new FormatException($"{fileName}:{lineNumber}: expected 'Type.Member | wire name | evidence path', got: {line}");
            exceptions.Add(new CSharpNameException(parts[0][..dot].Trim(), parts[0][(dot + 1)..].Trim(), parts[1].Trim(), parts[2].Trim()));
        }
        return new CSharpNameRule(exceptions);
    }

    public static CSharpNameRule Load(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));
}
