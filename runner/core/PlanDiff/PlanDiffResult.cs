namespace Infra.Runner.PlanDiff;

/// <summary>
/// The difference between a base and a head plan of one stack. Every list is ordered by URN (outputs by name, changes
/// by path), so the same two plans always render the same report.
/// </summary>
public sealed record PlanDiffResult(
    string Project,
    string Stack,
    IReadOnlyList<PlanResource> Added,
    IReadOnlyList<PlanResource> Removed,
    IReadOnlyList<ResourceChange> Changed,
    IReadOnlyList<PropertyChange> Outputs,
    IReadOnlyList<DangerFlag> Dangers)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count + Outputs.Count > 0;
}
