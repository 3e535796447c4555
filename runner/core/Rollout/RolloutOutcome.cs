namespace Infra.Runner.Rollout;

/// <summary>How a runner command ended. <see cref="RolloutOutcomes.ExitCode"/> is the only place that turns it into a process exit code.</summary>
public enum RolloutOutcome
{
    Succeeded,
    RolledBack,
    BadInput,
    RollbackFailed,
    StackBusy,

    /// <summary>Another runner holds the rollout, or took it over: this runner stopped touching the stack.</summary>
    RolloutHeld,
}

public static class RolloutOutcomes
{
    /// <summary>0 success, 1 rolled back, 2 bad input, 3 rollback failed (traffic may be split), 4 stack busy, 5 rollout held by another runner.</summary>
    public static int ExitCode(this RolloutOutcome outcome) => outcome switch
    {
        RolloutOutcome.Succeeded => ExitCodes.Success,
        RolloutOutcome.RolledBack => ExitCodes.Failed,
        RolloutOutcome.BadInput => ExitCodes.BadInput,
        RolloutOutcome.RollbackFailed => ExitCodes.RollbackFailed,
        RolloutOutcome.StackBusy => ExitCodes.StackBusy,
        RolloutOutcome.RolloutHeld => ExitCodes.RolloutHeld,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown rollout outcome"),
    };
}
