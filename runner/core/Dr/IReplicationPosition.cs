using System.Globalization;

namespace Infra.Runner.Dr;

/// <summary>
/// A PostgreSQL WAL position (<c>pg_lsn</c>): a byte offset into the write-ahead log, written as two hexadecimal
/// halves, e.g. <c>16/B374D848</c>. A replica whose replay position has reached the source's holds every write before it.
/// </summary>
public readonly record struct WalPosition(ulong Offset) : IComparable<WalPosition>
{
    public static WalPosition Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 &&
            uint.TryParse(text.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high) &&
            uint.TryParse(text.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return new WalPosition(((ulong)high << 32) | low);
        }

        throw new FormatException($"'{text}' is not a PostgreSQL WAL position (pg_lsn, e.g. 16/B374D848)");
    }

    public int CompareTo(WalPosition other) => Offset.CompareTo(other.Offset);

    public static bool operator >=(WalPosition left, WalPosition right) => left.Offset >= right.Offset;

    public static bool operator <=(WalPosition left, WalPosition right) => left.Offset <= right.Offset;

    public static bool operator >(WalPosition left, WalPosition right) => left.Offset > right.Offset;

    public static bool operator <(WalPosition left, WalPosition right) => left.Offset < right.Offset;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Offset >> 32:X}/{Offset & 0xFFFFFFFF:X}");
}

/// <summary>A database the runner connects to: how messages name it, its address (RDS's endpoint address) and port (null: the credentials' port).</summary>
public sealed record DatabaseAddress(string Name, string Host, int? Port = null)
{
    public override string ToString() => Port is null ? $"{Name} at {Host}" : $"{Name} at {Host}:{Port}";
}

/// <summary>
/// The WAL positions of PostgreSQL databases, read over SQL: what fail-back's catch-ups are proven with, since
/// CloudWatch's ReplicaLag of an RDS PostgreSQL replica is the time since the last replayed transaction and grows
/// while nothing writes.
/// </summary>
public interface IReplicationPosition
{
    /// <summary>Where the WAL of a database that takes writes ends (<c>pg_current_wal_lsn()</c>).</summary>
    /// <exception cref="ReplicationPositionException">It cannot be reached or read, or it is a replica; the message says what to check.</exception>
    Task<WalPosition> ReadWrittenAsync(DatabaseAddress source, CancellationToken cancellationToken);

    /// <summary>How far a replica has replayed its source's WAL (<c>pg_last_wal_replay_lsn()</c>); null before it replayed anything.</summary>
    /// <exception cref="ReplicationPositionException">It cannot be reached or read, or it is not a replica (not in recovery); the message says what to check.</exception>
    Task<WalPosition?> ReadReplayedAsync(DatabaseAddress replica, CancellationToken cancellationToken);
}

/// <summary>A database's WAL position could not be read; the message names the database, the reason and what to check.</summary>
public sealed class ReplicationPositionException(string message, Exception? inner = null) : Exception(message, inner);
