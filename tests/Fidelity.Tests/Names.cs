namespace Fidelity.Tests;

/// <summary>Small string helpers shared by both checkers.</summary>
public static class Names
{
    /// <summary>First letter upper-cased: the real C# SDK's default property name for a wire name.</summary>
    public static string Pascal(string wire) => wire.Length == 0 ? wire : char.ToUpperInvariant(wire[0]) + wire[1..];

    public static string CamelFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Levenshtein distance, to point a message at the nearest real name.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
