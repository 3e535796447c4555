namespace Fidelity.Tests.PublicApi;

/// <summary>Compares rendered offline-SDK lines with the real listing and the source-only allow-list.</summary>
public static class PublicApiChecker
{
    /// <summary>One line per rendered member that neither the listing nor the allow-list knows.</summary>
    public static IReadOnlyList<string> FindUnknownMembers(
        string label, IEnumerable<string> rendered, PublicApiListing listing, SourceOnlyAllowList allowList)
    {
        var problems = new List<string>();
        foreach (var line in rendered.Distinct().Order(StringComparer.Ordinal))
        {
            if (listing.Contains(line) || allowList.Allows(line))
                continue;
            var closest = listing.Closest(line);
            problems.Add(closest is null
                ? $"{label}: not in the real API: {line}"
                : $"{label}: not in the real API: {line}; the real API has: {closest}");
        }
        return problems;
    }

    /// <summary>Allow-list entries the offline SDK no longer declares, or that the listing already has.</summary>
    public static IReadOnlyList<string> FindStaleEntries(
        string fileName, SourceOnlyAllowList allowList, IEnumerable<string> rendered, IEnumerable<PublicApiListing> listings)
    {
        var declared = rendered.ToHashSet(StringComparer.Ordinal);
        var listingsSnapshot = listings.ToList();
        var problems = new List<string>();
        foreach (var entry in allowList.Entries)
        {
            if (!declared.Contains(entry.Member))
                problems.Add($"{fileName}: not declared by the offline SDK (stale entry): {entry.Member}");
            else if (listingsSnapshot.Any(l => l.Contains(entry.Member)))
                problems.Add($"{fileName}: already in the PublicAPI listing (redundant entry): {entry.Member}");
        }
        return problems;
    }
}
