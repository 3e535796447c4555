namespace Infra.Stacks.Release;

/// <summary>
/// The stack's release as the ledger holds it: what the next update declares (<paramref name="Desired"/>), what
/// the last successful update applied (<paramref name="Applied"/>), and the version every write compares against.
/// </summary>
/// <param name="Version">1 for the first write, incremented by each write.</param>
/// <param name="UpdatedBy">Who wrote it, e.g. <c>runner on host (pid 42)</c>.</param>
public sealed record ReleaseRecord(long Version, ReleaseState Desired, ReleaseState Applied, DateTimeOffset UpdatedAt, string UpdatedBy);
