namespace Fidelity.Tests;

/// <summary>Small string helpers shared by both checkers.</summary>
public static class Names
{
    /// <summary>First letter upper-cased: the real C# SDK's default property name for a wire name.</summary>
    public static string Pascal(string wire) => wire.Length == 0 ? wire : char.ToUpperInvariant(wire[0]) + wire[1..];

    public static string CamelFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The entries of a list file, trimmed, with their 1-based line numbers: blank and <c>#</c> lines skipped.</summary>
    public static IEnumerable<(int Number, string Line)> DataLines(IEnumerable<string> lines) =>
        lines.Select((raw, index) => (Number: index + 1, Line: raw.Trim()))
            .Where(l => l.Line.Length > 0 && !l.Line.StartsWith('#'));
}
