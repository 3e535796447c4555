using Infra.Ledger;
using Infra.Runner.Rollout;
using Infra.Stacks.Release;

namespace Infra.Runner.Adapters;

/// <summary>
/// The stack's <c>release</c> item as the runner's commands use it: read with the stack file's seed (before the first
/// release, version 0), change the desired state in one compare-and-swap write, and record desired as applied once an
/// update that declared it succeeded. A write that loses a race writes nothing and throws
/// <see cref="RolloutLeaseException"/>.
/// </summary>
public sealed class ReleaseStore(ReleaseLedger ledger, ReleaseState seed)
{
    private const string Writer = "infra-runner";

    /// <summary>The ledger's release, or the stack file's seed before the first release (version 0).</summary>
    public async Task<(long Version, ReleaseState Desired, ReleaseState Applied)> ReadAsync(CancellationToken cancellationToken)
    {
        var record = await ledger.ReadReleaseAsync(cancellationToken);
        return record is null ? (0, seed, seed) : (record.Version, WithSeed(record.Desired), WithSeed(record.Applied));
    }

    /// <summary>Writes <paramref name="change"/> of the desired state read just before; applied stays as it was.</summary>
    public async Task ChangeDesiredAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken)
    {
        var (version, desired, applied) = await ReadAsync(cancellationToken);
        await WriteAsync(version, change(desired), applied, cancellationToken);
    }

    /// <summary>Writes <paramref name="change"/> to desired and applied alike: for a change AWS already has (failover, fail-back).</summary>
    public async Task ChangeBothAsync(Func<ReleaseState, ReleaseState> change, CancellationToken cancellationToken)
    {
        var (version, desired, applied) = await ReadAsync(cancellationToken);
        await WriteAsync(version, change(desired), change(applied), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="update"/> (which declares the desired state: the program reads it itself) and, when it
    /// succeeds, records the desired state it ran with as applied. A failed update records nothing. Once the update
    /// has started the write is not cancelled, so a finished update is always recorded.
    /// </summary>
    public async Task UpdateAsync(Func<Task> update, CancellationToken cancellationToken)
    {
        var (version, desired, _) = await ReadAsync(cancellationToken);
        await update();
        await WriteAsync(version, desired, desired, CancellationToken.None);
    }

    /// <summary>A service added to the stack file after the first release starts from its seed.</summary>
    private ReleaseState WithSeed(ReleaseState state) =>
        seed.Services.Where(s => !state.Services.ContainsKey(s.Key)).Aggregate(state, (current, s) => current.With(s.Key, s.Value));

    private async Task WriteAsync(long version, ReleaseState desired, ReleaseState applied, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.WriteReleaseAsync(version, desired, applied, $"{Writer} on {ledger.Owner}", cancellationToken);
        }
        catch (ReleaseVersionConflictException conflict)
        {
            throw new RolloutLeaseException($"{conflict.Message}: another runner is changing this stack", conflict);
        }
    }
}
