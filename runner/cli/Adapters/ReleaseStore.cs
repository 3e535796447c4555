using Infra.Ledger;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;

namespace Infra.Runner.Adapters;

/// <summary>
/// The stack's <c>release</c> item as the runner's commands use it: read with the stack file's seed (before the first
/// release, version 0), change the desired state in one compare-and-swap write, and record desired as applied once an
/// update that declared it succeeded. A write that loses a race to the release guard (which moves traffic back on its
/// own) is re-read and retried on the guard's version; one that loses to anyone else writes nothing and throws
/// <see cref="RolloutLeaseException"/>.
/// </summary>
public sealed class ReleaseStore(ReleaseLedger ledger, ReleaseState seed)
{
    /// <summary>The runner's name in the ledger's <c>updatedBy</c>, followed by <c>on</c> and its lease owner.</summary>
    public const string Writer = "infra-runner";

    /// <summary>How often a write lost to the release guard is tried again (the guard writes once per rollback).</summary>
    private const int GuardAttempts = 3;

    /// <summary>The ledger's release, or the stack file's seed before the first release (version 0).</summary>
    public async Task<(long Version, ReleaseState Desired, ReleaseState Applied)> ReadAsync(CancellationToken cancellationToken)
    {
        var record = await ledger.ReadReleaseAsync(cancellationToken);
        return record is null ? (0, seed, seed) : Seeded(record);
    }

    private (long Version, ReleaseState Desired, ReleaseState Applied) Seeded(ReleaseRecord record) =>
        (record.Version, WithSeed(record.Desired), WithSeed(record.Applied));

    /// <summary>Writes <paramref name="change"/> of the desired state read just before; applied stays as it was.</summary>
    public Task ChangeDesiredAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken) =>
        WriteAsync(null, (desired, applied) => (change(desired), applied), cancellationToken);

    /// <summary>
    /// Writes <paramref name="change"/> of both the desired and the applied state: a change AWS already has, made outside
    /// an update (a direct traffic switch). The DR promotion is not written here: failover, fail-back and
    /// drills write the ledger's own <c>dr</c> item (<c>LedgerDrRecord</c>).
    /// </summary>
    public Task ChangeAppliedAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken) =>
        WriteAsync(null, (desired, applied) => (change(desired), change(applied)), cancellationToken);

    /// <summary>
    /// Runs <paramref name="update"/> (which declares the desired state: the program reads it itself) and, when it
    /// succeeds, records the desired state it ran with as applied. A failed update records nothing. Once the update
    /// has started the write is not cancelled, so a finished update is always recorded. When the release guard wrote
    /// meanwhile, its desired state stays (the runner acts on its rollback next) and applied is what the update declared.
    /// </summary>
    public async Task UpdateAsync(Func<Task> update, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(cancellationToken);
        await update();
        await WriteAsync(read, (desired, _) => (desired, read.Desired), CancellationToken.None);
    }

    /// <summary>A service added to the stack file after the first release starts from its seed.</summary>
    private ReleaseState WithSeed(ReleaseState state) =>
        seed.Services.Where(s => !state.Services.ContainsKey(s.Key)).Aggregate(state, (current, s) => current.With(s.Key, s.Value));

    /// <summary>Writes <paramref name="change"/> of the release as read (now, or given as <paramref name="read"/>), re-reading after a write the guard won.</summary>
    private async Task WriteAsync((long Version, ReleaseState Desired, ReleaseState Applied)? read,
        Func<ReleaseState, ReleaseState, (ReleaseState Desired, ReleaseState Applied)> change, CancellationToken cancellationToken)
    {
        var (version, desired, applied) = read ?? await ReadAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (nextDesired, nextApplied) = change(desired, applied);
            try
            {
                // The promotion mark is failover's and fail-back's (ReleaseLedger.MarkReleasePromotedAsync): each write keeps
                // the one of the version it replaces, also where applied comes from an earlier read (UpdateAsync).
                await ledger.WriteReleaseAsync(version, nextDesired with { DrPromotedPerDrItem = desired.DrPromotedPerDrItem },
                    nextApplied with { DrPromotedPerDrItem = applied.DrPromotedPerDrItem }, $"{Writer} on {ledger.Owner}", cancellationToken);
                return;
            }
            catch (ReleaseVersionConflictException conflict)
            {
                var current = await ledger.ReadReleaseAsync(cancellationToken);
                if (current is null || !GuardStates.IsGuard(current.UpdatedBy) || attempt == GuardAttempts)
                {
                    throw new RolloutLeaseException($"{conflict.Message}: another runner is changing this stack", conflict);
                }

                (version, desired, applied) = Seeded(current);
            }
        }
    }
}
