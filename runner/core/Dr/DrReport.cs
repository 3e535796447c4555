using System.Text;
using System.Text.Json;
using Infra.Runner.Drill;

namespace Infra.Runner.Dr;

/// <summary>Everything a failover or fail-back report says; both renderings come from it.</summary>
public sealed record DrReportFacts(
    string Procedure,
    DrTopology Topology,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    DrOutcome Outcome,
    string Message,
    IReadOnlyList<DrStepRecord> Steps,
    IReadOnlyList<string> NotRun,
    IReadOnlyList<string> Notes,
    IReadOnlyList<DrRegionState> Regions)
{
    /// <summary>What an operator still has to do (e.g. Pulumi state steps after fail-back).</summary>
    public IReadOnlyList<string> Afterwards { get; init; } = [];

    /// <summary>Set when a failure was undone (or undoing it failed): the state the stack was left in.</summary>
    public DrRecoveryOutcome? Recovery { get; init; }
}

/// <summary>The failover / fail-back report as JSON (for tools and the artifact) and Markdown (for people). Pure.</summary>
public static class DrReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Json(DrReportFacts facts) => JsonSerializer.Serialize(new
    {
        procedure = facts.Procedure,
        stack = facts.Topology.StackName,
        primaryRegion = facts.Topology.Primary.Region,
        drRegion = facts.Topology.Dr.Region,
        outcome = facts.Outcome.ToString(),
        message = facts.Message,
        startedAt = DrillReport.Time(facts.StartedAt),
        endedAt = DrillReport.Time(facts.EndedAt),
        failedStep = facts.Steps.FirstOrDefault(s => !s.Succeeded)?.Name,
        steps = facts.Steps.Select(s => new
        {
            name = s.Name,
            succeeded = s.Succeeded,
            startedAt = DrillReport.Time(s.StartedAt),
            seconds = (s.EndedAt - s.StartedAt).TotalSeconds,
            detail = s.Detail,
        }),
        notRun = facts.NotRun,
        recovery = facts.Recovery is { } recovery ? new { succeeded = recovery.Succeeded, state = recovery.State } : null,
        regions = facts.Regions.Select(r => new { region = r.Region, role = r.Role, state = r.Lines }),
        afterwards = facts.Afterwards,
        notes = facts.Notes,
    }, Options);

    public static string Markdown(DrReportFacts facts)
    {
        var text = new StringBuilder();
        var t = facts.Topology;
        Line(text, $"# {facts.Procedure} of {t.StackName}");
        Line(text, "");
        Line(text, $"- Outcome: **{facts.Outcome.ToString().ToLowerInvariant()}**");
        Line(text, $"- Primary region: {t.Primary.Region}; DR region: {t.Dr.Region}");
        Line(text, $"- Started (UTC): {DrillReport.Time(facts.StartedAt)}; ended: {DrillReport.Time(facts.EndedAt)} ({DrillReport.Duration(facts.EndedAt - facts.StartedAt)})");
        Line(text, "");
        Line(text, facts.Message);
        if (facts.Steps.Count > 0)
        {
            Line(text, "");
            Line(text, "## Steps");
            Line(text, "");
            foreach (var step in facts.Steps)
            {
                Line(text, $"- {(step.Succeeded ? "done" : "**FAILED**")} `{step.Name}` ({DrillReport.Duration(step.EndedAt - step.StartedAt)}): {step.Detail}");
            }

            foreach (var name in facts.NotRun) Line(text, $"- not run `{name}`");
        }

        if (facts.Recovery is { } recovery)
        {
            Line(text, "");
            Line(text, "## Undoing the failed change");
            Line(text, "");
            Line(text, $"{(recovery.Succeeded ? "Undone" : "**Not undone**")}: {recovery.State}");
        }

        if (facts.Regions.Count > 0)
        {
            Line(text, "");
            Line(text, "## State of each region");
            foreach (var region in facts.Regions)
            {
                Line(text, "");
                Line(text, $"### {region.Region} ({region.Role})");
                Line(text, "");
                foreach (var line in region.Lines) Line(text, $"- {line}");
            }
        }

        List(text, "What remains to do", facts.Afterwards);
        List(text, "Notes", facts.Notes);
        return text.ToString();
    }

    private static void List(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        Line(text, "");
        Line(text, $"## {title}");
        Line(text, "");
        foreach (var item in items) Line(text, $"- {item}");
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
