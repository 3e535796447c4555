namespace Infra.Runner.PlanDiff;

/// <summary>
/// Flags the changes a reviewer must not wave through: removals and changes of stateful or protected resources,
/// properties that force replacement, promotion of the replica, and listener weights moved outside the runner.
/// </summary>
public static class DangerDetector
{
    public static IReadOnlyList<DangerFlag> Detect(IEnumerable<PlanResource> removed, IEnumerable<ResourceChange> changed)
    {
        var flags = new List<DangerFlag>();
        foreach (var resource in removed)
        {
            AddRemoval(resource, flags);
        }

        foreach (var change in changed)
        {
            AddReplacements(change, flags);
            AddPromotion(change, flags);
            AddStatefulOrProtectedChange(change, flags);
            AddWeights(change, flags);
        }

        return flags.OrderBy(f => f.Urn, StringComparer.Ordinal).ThenBy(f => f.Kind).ToList();
    }

    private static void AddRemoval(PlanResource resource, List<DangerFlag> flags)
    {
        var stateful = StatefulResources.IsStateful(resource);
        if (!stateful && !resource.Protect)
        {
            return;
        }

        var notes = new List<string>();
        if (resource.Protect)
        {
            notes.Add("protect: true — pulumi refuses to delete it until protect is turned off");
        }

        if (stateful)
        {
            notes.Add(StatefulResources.Loss(resource)!);
        }

        flags.Add(Flag(resource, DangerKind.Removal, $"removal of {Qualifier(resource)}resource", notes, []));
    }

    private static void AddReplacements(ResourceChange change, List<DangerFlag> flags)
    {
        foreach (var group in change.Inputs.GroupBy(c => c.Root))
        {
            foreach (var rule in ReplacementRules.Matching(change.Base, change.Head, group.Key))
            {
                flags.Add(Flag(
                    change.Head,
                    DangerKind.ForcesReplacement,
                    $"forces replacement: {rule.Property}",
                    [$"the AWS provider replaces it when {rule.Property} changes: {rule.Reason}"],
                    group.ToList()));
            }
        }
    }

    private static void AddPromotion(ResourceChange change, List<DangerFlag> flags)
    {
        var source = change.Inputs.FirstOrDefault(c => c.Path == "replicateSourceDb" && c.After is null);
        if (change.Head.Type != StatefulResources.RdsInstance || source is null)
        {
            return;
        }

        flags.Add(Flag(
            change.Head,
            DangerKind.ReplicaPromotion,
            "replica promotion: replicateSourceDb removed",
            ["the replica stops replicating and becomes a standalone writer"],
            [source]));
    }

    private static void AddStatefulOrProtectedChange(ResourceChange change, List<DangerFlag> flags)
    {
        var resource = change.Base;
        if (!StatefulResources.IsStateful(resource) && !resource.Protect)
        {
            return;
        }

        var replaced = change.Inputs.Any(c => ReplacementRules.Matching(change.Base, change.Head, c.Root).Any());
        var what = replaced ? "replacement" : "change (in place, no replacement)";
        var notes = StatefulResources.Role(resource) is { } role ? new List<string> { role } : [];
        flags.Add(Flag(
            change.Head,
            DangerKind.StatefulOrProtectedChange,
            $"{Qualifier(resource)}resource {what}",
            notes,
            change.All.ToList()));
    }

    private static void AddWeights(ResourceChange change, List<DangerFlag> flags)
    {
        if (!ListenerWeights.Carries(change.Head))
        {
            return;
        }

        var weights = ListenerWeights.Changes(change.Base, change.Head);
        if (weights.Count == 0)
        {
            return;
        }

        flags.Add(Flag(
            change.Head,
            DangerKind.WeightsOutsideRunner,
            "weights changed outside the runner",
            ["release with the runner's deploy instead: it shifts weights in steps gated by alarms"],
            weights));
    }

    private static string Qualifier(PlanResource resource) =>
        (resource.Protect ? "protected " : "") + (StatefulResources.IsStateful(resource) ? "stateful " : "");

    private static DangerFlag Flag(
        PlanResource resource,
        DangerKind kind,
        string title,
        IReadOnlyList<string> notes,
        IReadOnlyList<PropertyChange> changes) =>
        new(resource.Urn, resource.Type, resource.Name, kind, title, notes, changes);
}
