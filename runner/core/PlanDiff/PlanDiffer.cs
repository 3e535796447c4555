namespace Infra.Runner.PlanDiff;

/// <summary>Compares a base plan with a head plan of the same stack, resource by resource (matched by URN).</summary>
public static class PlanDiffer
{
    /// <summary>Compares two plans held in memory, e.g. plans built from two settings variants in a test.</summary>
    public static PlanDiffResult CompareJson(string baseJson, string headJson) =>
        Compare(PlanReader.Parse(baseJson, "base"), PlanReader.Parse(headJson, "head"));

    public static PlanDiffResult Compare(PlanDocument basePlan, PlanDocument headPlan)
    {
        EnsureComparable(basePlan, headPlan);
        var before = basePlan.Resources.ToDictionary(r => r.Urn, StringComparer.Ordinal);
        var after = headPlan.Resources.ToDictionary(r => r.Urn, StringComparer.Ordinal);

        var added = headPlan.Resources.Where(r => !before.ContainsKey(r.Urn)).OrderBy(r => r.Urn, StringComparer.Ordinal).ToList();
        var removed = basePlan.Resources.Where(r => !after.ContainsKey(r.Urn)).OrderBy(r => r.Urn, StringComparer.Ordinal).ToList();
        var changed = headPlan.Resources
            .Where(r => before.ContainsKey(r.Urn))
            .OrderBy(r => r.Urn, StringComparer.Ordinal)
            .Select(r => CompareResource(before[r.Urn], r))
            .OfType<ResourceChange>()
            .ToList();
        var outputs = JsonValueDiffer.Diff(basePlan.Outputs, headPlan.Outputs);

        return new PlanDiffResult(
            headPlan.Project, headPlan.Stack, added, removed, changed, outputs, DangerDetector.Detect(removed, changed));
    }

    private static void EnsureComparable(PlanDocument basePlan, PlanDocument headPlan)
    {
        var problems = new List<string>();
        if (basePlan.Project != headPlan.Project)
        {
            problems.Add($"cannot compare plans of different projects: base is '{basePlan.Project}', head is '{headPlan.Project}'");
        }

        if (basePlan.Stack != headPlan.Stack)
        {
            problems.Add($"cannot compare plans of different stacks: base is '{basePlan.Stack}', head is '{headPlan.Stack}'");
        }

        if (problems.Count > 0)
        {
            throw new PlanDiffException(problems);
        }
    }

    private static ResourceChange? CompareResource(PlanResource before, PlanResource after)
    {
        var inputs = JsonValueDiffer.Diff(before.Inputs, after.Inputs);
        var options = CompareOptions(before, after);
        return inputs.Count + options.Count == 0 ? null : new ResourceChange(before, after, inputs, options);
    }

    // Options compare as whole values: a list such as dependsOn reads better as old list → new list than by index,
    // and its order carries no meaning, so it is sorted first.
    private static List<PropertyChange> CompareOptions(PlanResource before, PlanResource after)
    {
        var old = Options(before);
        var now = Options(after);
        return old.Where(o => o.Value != now[o.Key]).Select(o => new PropertyChange(o.Key, o.Value, now[o.Key])).ToList();
    }

    private static SortedDictionary<string, string> Options(PlanResource resource) => new(StringComparer.Ordinal)
    {
        ["custom"] = JsonText.RenderValue(resource.Custom),
        ["dependsOn"] = JsonText.RenderValue(resource.DependsOn.Order(StringComparer.Ordinal)),
        ["ignoreChanges"] = JsonText.RenderValue(resource.IgnoreChanges.Order(StringComparer.Ordinal)),
        ["parent"] = JsonText.RenderValue(resource.Parent),
        ["protect"] = JsonText.RenderValue(resource.Protect),
        ["provider"] = JsonText.RenderValue(resource.Provider),
        ["retainOnDelete"] = JsonText.RenderValue(resource.RetainOnDelete),
    };
}
