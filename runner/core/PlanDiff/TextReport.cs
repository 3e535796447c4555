using System.Text;

namespace Infra.Runner.PlanDiff;

/// <summary>The plain-text report for terminals and logs: a summary line, dangerous changes first, then each resource.</summary>
public static class TextReport
{
    public static string Render(PlanDiffResult diff)
    {
        var text = new StringBuilder();
        var heading = $"plan diff {diff.Project}/{diff.Stack}";
        if (!diff.HasChanges)
        {
            return text.Append(heading).Append(": no changes").Append('\n').ToString();
        }

        text.Append($"{heading}: {diff.Added.Count} added, {diff.Removed.Count} removed, {diff.Changed.Count} changed, ");
        text.Append($"{diff.Outputs.Count} outputs changed, {diff.Dangers.Count} dangerous\n");
        if (diff.Dangers.Count > 0)
        {
            text.Append("\ndangerous changes:\n");
            foreach (var flag in diff.Dangers)
            {
                text.Append($"  ! {flag.Title}: {flag.Name} ({flag.Type})\n");
                foreach (var note in flag.Notes)
                {
                    text.Append($"      {note}\n");
                }

                AppendChanges(text, flag.Changes);
            }
        }

        AppendResources(text, "added", '+', diff.Added);
        AppendResources(text, "removed", '-', diff.Removed);
        if (diff.Changed.Count > 0)
        {
            text.Append("\nchanged:\n");
            foreach (var change in diff.Changed)
            {
                text.Append($"  ~ {change.Head.Name} ({change.Head.Type})\n      {change.Urn}\n");
                AppendChanges(text, change.Inputs);
                AppendChanges(text, change.Options, " (option)");
            }
        }

        if (diff.Outputs.Count > 0)
        {
            text.Append("\noutputs:\n");
            AppendChanges(text, diff.Outputs);
        }

        return text.ToString();
    }

    private static void AppendResources(StringBuilder text, string title, char marker, IReadOnlyList<PlanResource> resources)
    {
        if (resources.Count == 0)
        {
            return;
        }

        text.Append($"\n{title}:\n");
        foreach (var resource in resources)
        {
            text.Append($"  {marker} {resource.Name} ({resource.Type})\n      {resource.Urn}\n");
        }
    }

    private static void AppendChanges(StringBuilder text, IEnumerable<PropertyChange> changes, string suffix = "")
    {
        foreach (var change in changes)
        {
            var note = change.Note is null ? "" : $" ({change.Note})";
            text.Append($"      {change.Path}{suffix}{note}: {Value(change.Before)} → {Value(change.After)}\n");
        }
    }

    private static string Value(string? rendered) => rendered ?? "(absent)";
}
