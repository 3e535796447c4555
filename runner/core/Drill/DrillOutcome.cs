namespace Infra.Runner.Drill;

/// <summary>How a drill ended; <see cref="DrillOutcomes.ExitCode"/> maps it to the runner's exit codes.</summary>
public enum DrillOutcome
{
    /// <summary>Every phase passed and both RTO and RPO met their targets.</summary>
    Succeeded,

    /// <summary>Every phase passed but the RTO or the RPO missed its target.</summary>
    TargetsMissed,

    /// <summary>A phase failed (the report names it), or the restored instance could not be deleted.</summary>
    Failed,

    /// <summary>A precondition failed; nothing was changed.</summary>
    BadInput,

    /// <summary>Ctrl+C; the report says which phase was reached.</summary>
    Interrupted,
}

public static class DrillOutcomes
{
    public static int ExitCode(this DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Succeeded => ExitCodes.Success,
        DrillOutcome.Failed or DrillOutcome.TargetsMissed => ExitCodes.Failed,
        DrillOutcome.BadInput => ExitCodes.BadInput,
        DrillOutcome.Interrupted => ExitCodes.Interrupted,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown drill outcome"),
    };
}

/// <summary>
/// The drill's ending: one line for the operator, the reasons when a precondition failed, and the Markdown and JSON
/// reports (null only for <see cref="DrillOutcome.BadInput"/>, where nothing happened to report).
/// </summary>
public sealed record DrillResult(DrillOutcome Outcome, string Message, IReadOnlyList<string> Problems, string? Report, string? ReportJson)
{
    public int ExitCode => Outcome.ExitCode();
}
