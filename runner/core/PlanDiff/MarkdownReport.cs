using System.Text;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// The report as a pull-request comment: the summary table first, dangerous changes listed at the top, then each
/// changed resource folded in a &lt;details&gt; block so a long diff stays reviewable.
/// </summary>
public static class MarkdownReport
{
    private const string Absent = "*absent*";

    public static string Render(PlanDiffResult diff)
    {
        var md = new StringBuilder();
        md.Append($"### Plan diff: {MarkdownText.Code($"{diff.Project}/{diff.Stack}")}\n\n");
        if (!diff.HasChanges)
        {
            return md.Append("no changes\n").ToString();
        }

        md.Append("| added | removed | changed | outputs changed | dangerous |\n");
        md.Append("| ---: | ---: | ---: | ---: | ---: |\n");
        md.Append($"| {diff.Added.Count} | {diff.Removed.Count} | {diff.Changed.Count} | {diff.Outputs.Count} | {diff.Dangers.Count} |\n");
        AppendDangers(md, diff.Dangers);
        AppendResources(md, "Added", diff.Added);
        AppendResources(md, "Removed", diff.Removed);
        AppendChanged(md, diff);
        if (diff.Outputs.Count > 0)
        {
            md.Append($"\n#### Stack outputs ({diff.Outputs.Count})\n\n| output | base | head |\n| --- | --- | --- |\n");
            AppendRows(md, diff.Outputs);
        }

        return md.ToString();
    }

    private static void AppendDangers(StringBuilder md, IReadOnlyList<DangerFlag> dangers)
    {
        if (dangers.Count == 0)
        {
            return;
        }

        md.Append($"\n#### ⚠️ Dangerous changes ({dangers.Count})\n\n");
        foreach (var flag in dangers)
        {
            md.Append($"- **{MarkdownText.Escape(flag.Title)}**: {Resource(flag.Name, flag.Type)}\n");
            foreach (var note in flag.Notes)
            {
                md.Append($"  - {MarkdownText.Escape(note)}\n");
            }

            foreach (var change in flag.Changes)
            {
                md.Append($"  - {MarkdownText.Code(change.Path)}{Note(change)}: {Value(change.Before)} → {Value(change.After)}\n");
            }
        }
    }

    private static void AppendResources(StringBuilder md, string title, IReadOnlyList<PlanResource> resources)
    {
        if (resources.Count == 0)
        {
            return;
        }

        md.Append($"\n#### {title} ({resources.Count})\n\n| resource | type |\n| --- | --- |\n");
        foreach (var resource in resources)
        {
            md.Append($"| {MarkdownText.Code(resource.Name, inTable: true)} | {MarkdownText.Code(resource.Type, inTable: true)} |\n");
        }
    }

    private static void AppendChanged(StringBuilder md, PlanDiffResult diff)
    {
        if (diff.Changed.Count == 0)
        {
            return;
        }

        var dangerous = diff.Dangers.Select(d => d.Urn).ToHashSet(StringComparer.Ordinal);
        md.Append($"\n#### Changed ({diff.Changed.Count})\n");
        foreach (var change in diff.Changed)
        {
            var count = change.Inputs.Count + change.Options.Count;
            var mark = dangerous.Contains(change.Urn) ? " ⚠️" : "";
            md.Append($"\n<details><summary><code>{MarkdownText.Html(change.Head.Name)}</code> ");
            md.Append($"(<code>{MarkdownText.Html(change.Head.Type)}</code>): {count} {(count == 1 ? "change" : "changes")}{mark}</summary>\n\n");
            md.Append($"URN: {MarkdownText.Code(change.Urn)}\n\n| property | base | head |\n| --- | --- | --- |\n");
            AppendRows(md, change.Inputs);
            AppendRows(md, change.Options, " (option)");
            md.Append("\n</details>\n");
        }
    }

    private static void AppendRows(StringBuilder md, IEnumerable<PropertyChange> changes, string suffix = "")
    {
        foreach (var change in changes)
        {
            var property = MarkdownText.Code(change.Path, inTable: true) + suffix;
            md.Append($"| {property} | {Value(change.Before, inTable: true)} | {Value(change.After, inTable: true)} |\n");
        }
    }

    private static string Resource(string name, string type) => $"{MarkdownText.Code(name)} ({MarkdownText.Code(type)})";

    private static string Note(PropertyChange change) =>
        change.Note is null ? "" : $" ({MarkdownText.Escape(change.Note)})";

    private static string Value(string? rendered, bool inTable = false) =>
        rendered is null ? Absent : MarkdownText.Code(rendered, inTable);
}
