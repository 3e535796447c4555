using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Loading;

/// <summary>
/// Measures how large a YAML tree becomes once its aliases are expanded, without expanding it: YamlDotNet loads an
/// alias as a second reference to the anchored node, so each distinct node is measured once and its size reused.
/// A nine-line alias bomb (nine aliases of nine aliases ...) is measured in a few dozen steps and rejected.
/// </summary>
public sealed class AliasExpansion
{
    /// <summary>At most this many values (maps, lists, scalars and keys) after expansion; the shipped files have ~300.</summary>
    public const int MaxValues = 10_000;

    /// <summary>At most this many characters of text after expansion (1 MiB), four times the largest file read.</summary>
    public const int MaxTextLength = 1024 * 1024;

    private readonly Dictionary<YamlNode, Size> _measured = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YamlNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private Size _total;

    /// <summary>Distinct nodes measured so far: the work done, however large the expansion.</summary>
    public int Steps { get; private set; }

    /// <summary>Adds a node's expanded size to the running total; false once the total is over a bound.</summary>
    public bool TryAdd(YamlNode node)
    {
        _total = (_total + Measure(node)).Saturated;
        return _total.IsWithinBounds;
    }

    private Size Measure(YamlNode node)
    {
        if (_measured.TryGetValue(node, out var known)) return known;
        // An alias of an enclosing anchor would expand forever.
        if (!_inProgress.Add(node)) return Size.OverBounds;
        Steps++;

        var size = node switch
        {
            YamlScalarNode scalar => new Size(1, scalar.Value?.Length ?? 0),
            YamlSequenceNode sequence => Sum(sequence.Children),
            YamlMappingNode mapping => Sum(mapping.Children.SelectMany(c => new[] { c.Key, c.Value })),
            _ => new Size(1, 0),
        };
        _inProgress.Remove(node);
        _measured[node] = size;
        return size;
    }

    // Stops adding once over a bound, so the work stays proportional to the distinct nodes.
    private Size Sum(IEnumerable<YamlNode> children)
    {
        var size = new Size(1, 0);
        foreach (var child in children)
        {
            size = (size + Measure(child)).Saturated;
            if (!size.IsWithinBounds) break;
        }
        return size;
    }

    private readonly record struct Size(long Values, long Text)
    {
        public static Size OverBounds { get; } = new(MaxValues + 1L, MaxTextLength + 1L);

        public bool IsWithinBounds => Values <= MaxValues && Text <= MaxTextLength;

        public Size Saturated => new(Math.Min(Values, MaxValues + 1L), Math.Min(Text, MaxTextLength + 1L));

        public static Size operator +(Size a, Size b) => new(a.Values + b.Values, a.Text + b.Text);
    }
}
