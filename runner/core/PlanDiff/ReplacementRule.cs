namespace Infra.Runner.PlanDiff;

/// <summary>
/// A property whose change makes the AWS provider replace the resource (delete and create) instead of updating it,
/// with the reason. <see cref="AppliesWhen"/> narrows rules that hold only in some cases (network load balancer
/// subnets); it receives the base and head resources.
/// </summary>
public sealed record ReplacementRule(
    string Type,
    string Property,
    string Reason,
    Func<PlanResource, PlanResource, bool>? AppliesWhen = null)
{
    public bool Applies(PlanResource before, PlanResource after) => AppliesWhen?.Invoke(before, after) ?? true;
}
