namespace Infra.Stacks.Settings;

/// <summary>
/// A <c>pause</c> item of <c>infra:rollout.steps</c>: the rollout waits for <c>promote</c> after the
/// <see cref="AfterStep"/>-th percentage (1-based; 0 when it stands first, which validation refuses).
/// </summary>
/// <param name="TimeoutSeconds">Null waits without end; otherwise <c>pauseTimeoutAction</c> applies after it.</param>
/// <param name="Text">The item as written, e.g. <c>pause:30m</c>, for messages.</param>
public sealed record PauseSetting(int AfterStep, int? TimeoutSeconds, string Text)
{
    /// <summary>A pause's timeout may be 1 minute to 24 hours.</summary>
    public const int MinTimeoutSeconds = 60;
    public const int MaxTimeoutSeconds = 24 * 3600;
}

/// <summary>What a timed pause does at its timeout without promote or abort.</summary>
public enum PauseTimeoutAction { Rollback, Promote }
