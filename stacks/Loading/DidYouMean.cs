namespace Infra.Stacks.Loading;

/// <summary>Suggests the known key a misspelled one was probably meant to be.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate by edit distance (ignoring case), or null when none is close.</summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        // Allow two edits for short keys (one transposition), a third of the length for long ones.
        var allowed = Math.Max(2, key.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(key.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each cost one.</summary>
    public static int Distance(string a, string b)
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

    /// <summary>The unknown-key message: a suggestion when one is close, else the allowed keys.</summary>
    public static string UnknownKeyMessage(string key, IReadOnlyCollection<string> allowed) =>
        Closest(key, allowed) is { } suggestion
            ? $"unknown key; did you mean '{suggestion}'?"
            : $"unknown key; allowed keys are {string.Join(", ", allowed)}";

    /// <summary>The unknown-namespace message: a suggestion when one is close, else the allowed namespaces.</summary>
    public static string UnknownNamespaceMessage(string @namespace, IReadOnlyCollection<string> allowed) =>
        Closest(@namespace, allowed) is { } suggestion
            ? $"unknown namespace '{@namespace}'; did you mean '{suggestion}'?"
            : $"unknown namespace '{@namespace}'; allowed namespaces are {string.Join(", ", allowed)}";
}
