namespace Infra.Ledger;

/// <summary>
/// The rollout in progress on a stack, as the <c>lease</c> item holds it. Only the holder of <see cref="Token"/> may
/// renew, release it or clear its control request; anyone may read it or write a control request onto it.
/// </summary>
/// <param name="Token">Unique per acquisition (and per take-over).</param>
/// <param name="Record">The runner's own JSON record of the rollout; the ledger stores it as given.</param>
/// <param name="Control">The pending control request, if any.</param>
public sealed record Lease(
    string Token,
    LeaseOwner Owner,
    string RolloutId,
    string Phase,
    int Step,
    IReadOnlyList<string> Services,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset ExpiresAt,
    string Record,
    ControlRequest? Control)
{
    /// <summary>What the release guard wrote when it moved this rollout's traffic back on its own; null while it has not acted.</summary>
    public ReleaseGuardMark? Guard { get; init; }

    /// <summary>
    /// The disaster-recovery command (<c>failover</c>, <c>drill</c>, <c>failback</c>) that holds the stack instead of a
    /// rollout; null for a rollout. Its <see cref="RolloutId"/> is that command's run and its <see cref="Record"/> is
    /// not a rollout record.
    /// </summary>
    public string? DrCommand { get; init; }

    /// <summary>Who holds the lease, for messages: <c>rollout r1</c>, or <c>drill drill-20261201-060000</c>.</summary>
    public string HolderName => DrCommand is null ? $"rollout {RolloutId}" : $"{DrCommand} {RolloutId}";

    /// <summary>Whether the holder has missed its renewals long enough for another runner to take over.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now.ToUnixTimeSeconds() >= ExpiresAt.ToUnixTimeSeconds();

    // Value equality on the services too; the default record equality would compare list references.
    public bool Equals(Lease? other) =>
        other is not null && (Token, Owner, RolloutId, Phase, Step, HeartbeatAt, ExpiresAt, Record, Control, Guard, DrCommand) ==
        (other.Token, other.Owner, other.RolloutId, other.Phase, other.Step, other.HeartbeatAt, other.ExpiresAt, other.Record, other.Control, other.Guard, other.DrCommand) &&
        Services.SequenceEqual(other.Services, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Token, RolloutId, Phase, Step, ExpiresAt);
}

/// <summary>Where a rollout is, written onto the lease at acquire and at every renew.</summary>
/// <param name="Record">The runner's JSON record of the rollout (opaque to the ledger).</param>
/// <param name="Ttl">How long the lease stays valid without another renew.</param>
public sealed record LeaseProgress(string Phase, int Step, IReadOnlyList<string> Services, string Record, TimeSpan Ttl)
{
    /// <summary>Set when a disaster-recovery command, not a rollout, holds the lease (see <see cref="Lease.DrCommand"/>).</summary>
    public string? DrCommand { get; init; }
}
