namespace Infra.Runner.Dr;

/// <summary>
/// How a procedure undoes a change it cannot finish: when one of the <paramref name="Guarded"/> steps fails, the
/// <paramref name="Steps"/> run in order (each journaled and reported like any step), and the report names the state
/// they leave: <paramref name="Restored"/> when they all succeed.
/// </summary>
public sealed record DrRecovery(IReadOnlySet<string> Guarded, IReadOnlyList<DrStep> Steps, string Restored);

/// <summary>What a recovery did: the state it left, or the step of it that failed (then the regions say the rest).</summary>
public sealed record DrRecoveryOutcome(bool Succeeded, string State);
