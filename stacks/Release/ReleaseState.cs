using System.Collections.Immutable;

namespace Infra.Stacks.Release;

/// <summary>
/// The release of every service of a stack, by service name. Services are kept in ordinal order, so two states
/// with the same services compare equal and serialize to the same JSON whatever order they were built in.
/// </summary>
public sealed record ReleaseState
{
    private readonly ImmutableSortedDictionary<string, ServiceRelease> _services;

    public ReleaseState(IReadOnlyDictionary<string, ServiceRelease> services) =>
        _services = services.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>No service released yet: the state of a stack before its first release.</summary>
    public static ReleaseState Empty { get; } = new(ImmutableSortedDictionary<string, ServiceRelease>.Empty);

    /// <summary>The services in ordinal order of their names.</summary>
    public IReadOnlyDictionary<string, ServiceRelease> Services
    {
        get => _services;
        init => _services = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the DR region is promoted: the cross-region replica is a writer and the DR services run. The program's
    /// merged view (<see cref="DrRecord.PromotionOf"/>: the ledger's <c>dr</c> item, else an older release document's
    /// <c>drPromoted</c>), so a plain <c>pulumi up</c> from main never declares the promoted database as a replica again.
    /// In a state read from the release item it is only that older document's value, carried over unchanged.
    /// </summary>
    public bool DrPromoted { get; init; }

    /// <summary>
    /// Whether fail-back is switching back (<see cref="DrPromotion.SwitchingBack"/>; only with <see cref="DrPromoted"/>):
    /// the program then stops the DR region's services too. Only the program's merged view carries it; the release item
    /// never holds it.
    /// </summary>
    public bool DrSwitchingBack { get; init; }

    /// <summary>
    /// The mark that stops code older than the ledger's <c>dr</c> item (key <c>drPromotedPerDrItem</c>): failover sets it
    /// in both release documents before the <c>dr</c> item says promoted, fail-back clears it once the <c>dr</c> item
    /// says not promoted and DNS is back (<c>ReleaseLedger.MarkReleasePromotedAsync</c>). Older readers refuse any root key they do not
    /// know, so an old deploy re-run, a revert or an old runner stops with an error instead of reading only the release's
    /// <see cref="DrPromoted"/> (which failover no longer writes) and declaring the stack unpromoted. Current code decides
    /// nothing by it and keeps it through every release write.
    /// </summary>
    public bool DrPromotedPerDrItem { get; init; }

    /// <summary>A copy with <paramref name="service"/>'s release added or replaced.</summary>
    public ReleaseState With(string service, ServiceRelease release) => this with { Services = _services.SetItem(service, release) };

    // Value equality on the contents; the default record equality would compare dictionary references.
    public bool Equals(ReleaseState? other) =>
        other is not null && DrPromoted == other.DrPromoted && DrSwitchingBack == other.DrSwitchingBack && DrPromotedPerDrItem == other.DrPromotedPerDrItem &&
        _services.Count == other._services.Count &&
        _services.All(s => other._services.TryGetValue(s.Key, out var o) && s.Value == o);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DrPromoted);
        hash.Add(DrSwitchingBack);
        hash.Add(DrPromotedPerDrItem);
        foreach (var (name, release) in _services)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(release);
        }
        return hash.ToHashCode();
    }
}
