using Infra.Runner.Drill;

namespace Runner.Tests.Drill;

/// <summary>
/// Marker rows as the drill's databases would hold them: the primary takes every write; a copy (the promoted replica, a
/// restored instance) holds the primary's markers up to the moment it stopped following it. A host nobody set up
/// refuses the connection, and the primary can be made to refuse from a given write on, with the adapter's wording.
/// </summary>
internal sealed class FakeMarkerDatabases : IMarkerStore
{
    private readonly List<DrillMarker> primary = [];
    private readonly Dictionary<string, Func<DrillMarker, bool>> copies = new(StringComparer.Ordinal);

    public FakeMarkerDatabases(string primaryHost) => PrimaryHost = primaryHost;

    public string PrimaryHost { get; }

    /// <summary>The first write (1-based) the primary refuses; null: it takes all.</summary>
    public int? RefuseFromWrite { get; set; }

    public IReadOnlyList<DrillMarker> Primary => primary;

    /// <summary>Every read, as "host drillId".</summary>
    public List<string> Reads { get; } = [];

    /// <summary>A copy at <paramref name="host"/> holding the primary's markers that <paramref name="holds"/> accepts.</summary>
    public void AddCopy(string host, Func<DrillMarker, bool> holds) => copies[host] = holds;

    public Task WriteAsync(MarkerDatabase database, DrillMarker marker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (database.Host != PrimaryHost) throw Refused("write a marker to", database);
        if (primary.Count + 1 >= RefuseFromWrite) throw Refused("write a marker to", database);
        primary.Add(marker);
        return Task.CompletedTask;
    }

    public Task<DrillMarker?> ReadNewestAsync(MarkerDatabase database, string drillId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Reads.Add($"{database.Host} {drillId}");
        if (!copies.TryGetValue(database.Host, out var holds)) throw Refused("read the newest marker from", database);
        return Task.FromResult(primary.Where(m => m.DrillId == drillId && holds(m)).MaxBy(m => m.Sequence));
    }

    private static MarkerStoreException Refused(string action, MarkerDatabase database) =>
        new($"could not {action} {database.Name} at {database.Host}:{database.Port} within 5s: Connection refused");
}
