using Infra.Stacks.Loading;
namespace Fidelity.Tests.PublicApi;

/// <summary>A PublicAPI.Shipped.txt listing: exact lines, plus a lookup by member name to suggest the nearest real line.</summary>
public sealed class PublicApiListing
{
    private static readonly string[] ModifierWords = ["static", "abstract", "virtual", "override", "sealed", "readonly", "const"];

    private readonly HashSet<string> _lines;
    private readonly ILookup<string, string> _byMember;

    public PublicApiListing(IEnumerable<string> lines)
    {
        _lines = Names.DataLines(lines)
            .Select(l => l.Line.TrimStart('~'))
            .ToHashSet(StringComparer.Ordinal);
        _byMember = _lines.ToLookup(MemberKey, StringComparer.Ordinal);
    }

    public static PublicApiListing Load(string path) => new(File.ReadAllLines(path));

    public IReadOnlyCollection<string> Lines => _lines;

    public bool Contains(string line) => _lines.Contains(line);

    /// <summary>The listed line for the same member name that differs least from <paramref name="rendered"/>, if any.</summary>
    public string? Closest(string rendered) =>
        _byMember[MemberKey(rendered)]
            .OrderBy(candidate => DidYouMean.Distance(candidate, rendered))
            .ThenBy(candidate => candidate, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Container and member name without modifiers, signature, accessor or generic arity: the overload family.</summary>
    public static string MemberKey(string line)
    {
        var text = line;
        string? word;
        while ((word = ModifierWords.FirstOrDefault(w => text.StartsWith(w + " ", StringComparison.Ordinal))) is not null)
            text = text[(word.Length + 1)..];

        var operatorAt = text.IndexOf(" operator", StringComparison.Ordinal);
        if (operatorAt >= 0)
            return text[..(operatorAt + " operator".Length)];

        var end = new[] { text.IndexOf('('), text.IndexOf(" -> ", StringComparison.Ordinal), text.IndexOf(" = ", StringComparison.Ordinal) }
            .Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
        var head = text[..end];
        foreach (var accessor in new[] { ".get", ".set", ".init" })
            if (head.EndsWith(accessor, StringComparison.Ordinal))
                head = head[..^accessor.Length];
        var indexer = head.IndexOf(".this[", StringComparison.Ordinal);
        if (indexer >= 0)
            return head[..(indexer + ".this".Length)];
        return StripTrailingGenericArguments(head);
    }

    private static string StripTrailingGenericArguments(string head)
    {
        if (!head.EndsWith('>'))
            return head;
        var depth = 0;
        for (var i = head.Length - 1; i >= 0; i--)
        {
            if (head[i] == '>') depth++;
            else if (head[i] == '<' && --depth == 0) return head[..i];
        }
        return head;
    }
}
