namespace Infra.Runner.Drill;

/// <summary>
/// The stack as a drill sees it. The Automation API adapter implements it; <see cref="SetPromoteAsync"/> only records
/// the promotion the next update declares (in the release ledger, never the stack file), nothing reaches AWS until
/// <see cref="UpdateAsync"/>.
/// </summary>
public interface IDrillStack
{
    /// <summary>Settings and outputs; invalid stack settings throw (the CLI lists every problem, exit code 2).</summary>
    Task<DrillStackState> ReadAsync(CancellationToken cancellationToken);

    Task SetPromoteAsync(bool promote, CancellationToken cancellationToken);

    /// <summary>
    /// A full update of the stack (no targets). Throws <see cref="Rollout.StackBusyException"/> when another update holds
    /// the stack (nothing was changed); any other exception means the update failed and may have applied part of it.
    /// </summary>
    Task UpdateAsync(CancellationToken cancellationToken);
}
