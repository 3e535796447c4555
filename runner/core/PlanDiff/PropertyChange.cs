namespace Infra.Runner.PlanDiff;

/// <summary>
/// One changed value, at a path such as <c>healthCheck.path</c>, <c>subnets[1]</c> or, inside a JSON string input,
/// <c>containerDefinitions[0].image</c>. Values are rendered as compact JSON; <c>null</c> means the value is absent
/// on that side. <see cref="Note"/> says what the path points at when the path alone does not (e.g. the target group a
/// listener weight belongs to).
/// </summary>
public sealed record PropertyChange(string Path, string? Before, string? After, string? Note = null)
{
    /// <summary>The top-level input or option the path starts with, e.g. <c>healthCheck</c> for <c>healthCheck.path</c>.</summary>
    public string Root => PropertyPath.RootOf(Path);
}
