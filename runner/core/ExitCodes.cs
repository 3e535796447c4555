namespace Infra.Runner;

/// <summary>The runner's exit codes, as documented once in its top-level --help and in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>plan/diff: failed or plans differ. Rollout commands: rolled back, or the command failed.</summary>
    public const int Failed = 1;

    public const int BadInput = 2;

    /// <summary>A rollback update failed: traffic may be split between colors.</summary>
    public const int RollbackFailed = 3;

    /// <summary>Another update holds the stack; nothing was changed.</summary>
    public const int StackBusy = 4;

    /// <summary>Another runner holds the rollout in progress, or took it over from this one; this runner stopped touching the stack.</summary>
    public const int RolloutHeld = 5;

    /// <summary>failback: the stack is not failed over and no earlier fail-back is unfinished; nothing was changed.</summary>
    public const int NothingToDo = 6;

    /// <summary>Ctrl+C: the update in flight finished, the rollout record is kept in the ledger; run resume or rollback from any machine.</summary>
    public const int Interrupted = 130;

    public const string Help =
        "Exit codes: 0 success; 1 rolled back or failed (diff: plans differ); 2 bad input; " +
        "3 rollback failed, traffic may be split; 4 stack busy, nothing changed; 5 another runner holds the rollout, this one stopped; " +
        "6 nothing to fail back (failback of a stack that is not failed over, with nothing unfinished); " +
        "130 interrupted, the rollout record is kept.";
}
