namespace Infra.Runner.Rollout;

/// <summary>Where a release hook of the rollout in progress stands, as the record keeps it for <c>resume</c>.</summary>
public enum HookState
{
    Running,
    Done,
    Failed,
}

/// <summary>
/// One release hook in <see cref="RolloutRecord.Hooks"/>: <see cref="Name"/> as the journal's <c>hook</c> key spells it
/// (a pause is <c>pause:N</c>, after step N), its state, and a reference to what it produced (never a body or a secret).
/// </summary>
public sealed record HookRecord(string Name, HookState State, string? Reference = null);
