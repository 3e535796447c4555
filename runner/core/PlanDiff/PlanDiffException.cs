namespace Infra.Runner.PlanDiff;

/// <summary>
/// Bad input for a plan diff: an unreadable file, invalid JSON, a plan missing fields, or two plans that cannot be
/// compared. The command maps it to exit code 2.
/// </summary>
public sealed class PlanDiffException : Exception
{
    public PlanDiffException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public PlanDiffException(string problem)
        : this([problem])
    {
    }

    /// <summary>Every problem found, one message each, in the order found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
