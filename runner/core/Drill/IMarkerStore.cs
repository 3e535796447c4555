namespace Infra.Runner.Drill;

/// <summary>One marker row: which drill wrote it, its place in the drill's sequence (1, 2, ...) and when it was written.</summary>
public sealed record DrillMarker(string DrillId, long Sequence, DateTimeOffset WrittenAt);

/// <summary>A PostgreSQL database a drill writes markers to or reads them from.</summary>
/// <param name="Name">How messages and the report name it, e.g. <c>primary staging-db</c>.</param>
/// <param name="Host">Its endpoint address.</param>
/// <param name="Port">Null: the port in the database secret.</param>
public sealed record MarkerDatabase(string Name, string Host, int? Port = null)
{
    /// <summary>From an RDS endpoint, <c>host:port</c> (or a bare address).</summary>
    public static MarkerDatabase At(string name, string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            ? new MarkerDatabase(name, endpoint[..colon], port)
            : new MarkerDatabase(name, endpoint);
    }
}

/// <summary>Why a marker could not be written or read: the database, and what failed (never a credential).</summary>
public sealed class MarkerStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Marker rows in a drill's databases (the Npgsql adapter, with the stack's database secret). Every call is bounded
/// by short connect and command timeouts: an unreachable database is a <see cref="MarkerStoreException"/>, never a hang.
/// </summary>
public interface IMarkerStore
{
    /// <summary>Writes one marker (creating the marker table when missing).</summary>
    /// <exception cref="MarkerStoreException">The database refused or did not answer in time.</exception>
    Task WriteAsync(MarkerDatabase database, DrillMarker marker, CancellationToken cancellationToken);

    /// <summary>The marker with the highest sequence the drill wrote, as this database has it; null when it has none.</summary>
    /// <exception cref="MarkerStoreException">The database refused or did not answer in time.</exception>
    Task<DrillMarker?> ReadNewestAsync(MarkerDatabase database, string drillId, CancellationToken cancellationToken);
}
