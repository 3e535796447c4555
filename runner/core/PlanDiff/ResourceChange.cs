namespace Infra.Runner.PlanDiff;

/// <summary>A resource present in both plans (same URN) whose inputs or options differ.</summary>
public sealed record ResourceChange(
    PlanResource Base,
    PlanResource Head,
    IReadOnlyList<PropertyChange> Inputs,
    IReadOnlyList<PropertyChange> Options)
{
    public string Urn => Head.Urn;

    /// <summary>Input changes first, then option changes, each in path order.</summary>
    public IEnumerable<PropertyChange> All => Inputs.Concat(Options);
}
