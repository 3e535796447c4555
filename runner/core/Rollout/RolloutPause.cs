namespace Infra.Runner.Rollout;

/// <summary>What a timed pause does when nobody promoted or aborted before its timeout (<c>infra:rollout.pauseTimeoutAction</c>).</summary>
public enum PauseTimeoutAction
{
    /// <summary>Roll every service back, like a failed step (the default: nobody confirmed the release).</summary>
    Rollback,

    /// <summary>Continue with the next step, as if promoted.</summary>
    Promote,
}

/// <summary>
/// A <c>pause</c> in the steps: after the step at <see cref="AfterStepIndex"/> has baked, the rollout waits, gates and
/// analysis still running, for <c>promote</c> (or abort) from any machine; a null <see cref="Timeout"/> waits without end.
/// </summary>
public sealed record RolloutPause(int AfterStepIndex, TimeSpan? Timeout)
{
    /// <summary>The longest timeout a pause may have: longer waits belong in separate deploys.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>The shortest: under a minute the canary analysis has not read a single data point.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Its name in the journal's <c>hook</c> key and the record's hooks: <c>pause:N</c>, N the step it follows (1-based).</summary>
    public string HookName => $"{HookNames.PausePrefix}{AfterStepIndex + 1}";
}
