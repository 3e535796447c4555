namespace Infra.Runner.Dr;

/// <summary>One step of failover or fail-back: a short name for reports, what it does, and the work (returning what it did).</summary>
public sealed record DrStep(string Name, string Description, Func<CancellationToken, Task<string>> Run)
{
    /// <summary>What to do by hand when this step fails or is not reached (listed once in the report's "what remains to do"); null: nothing.</summary>
    public Func<string>? ByHand { get; init; }
}

/// <summary>A step that ran, with what it did or why it failed.</summary>
public sealed record DrStepRecord(string Name, string Description, DateTimeOffset StartedAt, DateTimeOffset EndedAt, bool Succeeded, string Detail);

/// <summary>How failover or fail-back ended.</summary>
public enum DrOutcome
{
    Succeeded,

    /// <summary>A step failed; the report says which and what state each region is in.</summary>
    Failed,

    /// <summary>Refused before any change (e.g. the primary answers healthy without --force).</summary>
    Refused,

    /// <summary>Nothing to do, nothing changed: fail-back of a stack that is not failed over, with no earlier fail-back unfinished.</summary>
    NothingToDo,
}

/// <summary>The ending: one line, the reports (JSON and Markdown) and the exit code.</summary>
public sealed record DrResult(DrOutcome Outcome, string Message, string JsonReport, string MarkdownReport)
{
    public int ExitCode => Outcome switch
    {
        DrOutcome.Succeeded => ExitCodes.Success,
        DrOutcome.Refused => ExitCodes.BadInput,
        DrOutcome.NothingToDo => ExitCodes.NothingToDo,
        _ => ExitCodes.Failed,
    };
}
