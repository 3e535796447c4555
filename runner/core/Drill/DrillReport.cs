using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Infra.Runner.Drill;

/// <summary>
/// The drill report as Markdown (for the job summary and the artifact) and its one-paragraph summary (Slack, the log).
/// Pure: everything comes from <see cref="DrillFacts"/>; <see cref="DrillReportJson"/> renders the same facts as data.
/// </summary>
public static class DrillReport
{
    public const string NotReached = "not reached";

    public static string Render(DrillFacts facts, DrillOutcome outcome, string message)
    {
        var stack = facts.Stack;
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        Line($"# DR {(facts.Restore ? "restore drill" : "drill")} {facts.DrillId} on {stack.StackName}");
        Line("");
        Line($"- Outcome: **{OutcomeName(facts, outcome)}**");
        Line($"- Stack: {stack.StackName}");
        Line($"- Primary region: {stack.Region}");
        Line($"- DR region: {stack.DrRegion}");
        Line($"- Started (UTC): {Time(facts.StartedAt)}");
        if (facts.Restore)
        {
            Line($"- Markers stopped (UTC): {Time(facts.MarkersStoppedAt)}");
            Line($"- Restored instance: {facts.RestoreInstanceId ?? NotReached}, as of (UTC) {Time(facts.RestoreTime)}");
            Line($"- Restored (UTC): {Time(facts.RestoredAt)}");
        }
        else
        {
            Line($"- Replica: {stack.ReplicaIdentifier}");
            Line($"- Health check: {facts.HealthSuccesses} x 2xx in a row from {facts.HealthUrl}");
            Line($"- Failover started (UTC): {Time(facts.FailoverStartedAt)}");
            Line($"- Markers stopped (UTC): {Time(facts.MarkersStoppedAt)}");
            Line($"- Failover: {FailoverLine(facts)}");
            Line($"- Healthy (UTC): {Time(facts.HealthyAt)}");
        }

        Line($"- RTO: {Rto(facts)}; target {Duration(stack.Targets.Rto)}: **{VerdictName(facts.RtoVerdict)}**");
        Line($"- RPO: {Rpo(facts)}; target {Duration(stack.Targets.Rpo)}: **{VerdictName(facts.RpoVerdict)}**");
        if (!facts.Restore)
        {
            Line($"- Replica lag before the drill: {Lag(facts)}");
        }

        Line("");
        Line("## What was measured");
        Line("");
        Line(Measured(facts));
        Line("");
        Line("## Phases");
        Line("");
        Line("| phase | started (UTC) | ended (UTC) | took | result |");
        Line("| --- | --- | --- | --- | --- |");
        foreach (var phase in facts.Phases)
        {
            Line($"| {PhaseName(phase.Phase)} | {Time(phase.StartedAt)} | {Time(phase.EndedAt)} | {(phase.Duration is { } took ? Duration(took) : "-")} | {ResultName(phase.Result)} |");
        }

        Line("");
        Line("## State of each region");
        Line("");
        Line($"- Primary region {DrillRegions.Primary(facts)}");
        Line($"- DR region {DrillRegions.Dr(facts)}");
        Line("");
        Line("## What happened");
        Line("");
        Line(message);
        if (facts.Failover is { } failover)
        {
            // Failover's own report, one heading level down: its steps and each region's state as failover saw them.
            Line("");
            foreach (var line in failover.MarkdownReport.TrimEnd('\n').Split('\n')) Line(line.StartsWith('#') ? $"#{line}" : line);
        }
        if (facts.MayBePromoted)
        {
            Line("");
            Line("## Fail back");
            Line("");
            Line($"Run `failback --stack {stack.StackName} --yes` (dr-drill.yml runs it right after the drill): it creates a new replica in {stack.Region} " +
                 "from the promoted database, waits until it has caught up and moves the primary role back, so the next drill starts from the original topology.");
        }

        return text.ToString();
    }

    /// <summary>One paragraph for Slack and the log: outcome, the failed phase, both targets, and each region's state.</summary>
    public static string Summary(DrillFacts facts, DrillOutcome outcome)
    {
        var stack = facts.Stack;
        var text = $"DR {(facts.Restore ? "restore drill" : "drill")} {facts.DrillId} on {stack.StackName}: {OutcomeName(facts, outcome)}. " +
            $"RTO {Rto(facts)}, target {Duration(stack.Targets.Rto)}: {VerdictName(facts.RtoVerdict)}. " +
            $"RPO {Rpo(facts)}, target {Duration(stack.Targets.Rpo)}: {VerdictName(facts.RpoVerdict)}. " +
            $"Primary region {DrillRegions.Primary(facts)}. DR region {DrillRegions.Dr(facts)}.";
        return facts.MayBePromoted ? $"{text} Fail back with `failback --stack {stack.StackName} --yes`." : text;
    }

    /// <summary>The RPO: the marker time lost between the primary and the copy, or why it is not known.</summary>
    public static string Rpo(DrillFacts facts) => facts.Rpo switch
    {
        null => "not measured (the drill ended before the markers were read back)",
        { NoneSurvived: true } rpo =>
            $"at least {Duration(rpo.Lost)}: no marker of this drill in the {rpo.FoundIn} (the last written to the primary was #{rpo.LastWritten.Sequence} at {Time(rpo.LastWritten.WrittenAt)})",
        var rpo =>
            $"{Duration(rpo.Lost)} (last marker written to the primary #{rpo.LastWritten.Sequence} at {Time(rpo.LastWritten.WrittenAt)}; " +
            $"newest in the {rpo.FoundIn} #{rpo.NewestFound!.Sequence} at {Time(rpo.NewestFound.WrittenAt)})",
    };

    /// <summary>The RTO: the drill's start to the DR region healthy (or the restored instance available), or why it is not known.</summary>
    public static string Rto(DrillFacts facts) => (facts.Rto, facts.Restore) switch
    {
        ({ } rto, false) => $"{Duration(rto)} (drill start to the DR region healthy)",
        ({ } rto, true) => $"{Duration(rto)} (drill start to the restored instance available)",
        (null, false) => "not measured (the DR region was not seen healthy)",
        (null, true) => "not measured (the restored instance was not seen available)",
    };

    /// <summary>The replica's lag before the drill, for reference next to the RPO the markers measure.</summary>
    public static string Lag(DrillFacts facts) => facts.Lag is { } lag
        ? $"max {Seconds(lag.MaxSeconds)} over {Time(facts.LagFrom)} to {Time(facts.LagTo)} (ReplicaLag, Maximum per 60 s, {lag.DataPoints} data point(s))"
        : facts.Phases.Any(p => p.Phase == DrillPhase.ReplicaLag && p.Result == PhaseResult.Passed)
            ? "unknown (no ReplicaLag data in the last 5 minutes)"
            : NotReached;

    /// <summary>90 s as "1m 30s", 2 h as "2h 0m 0s".</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return h > 0 ? $"{h}h {m}m {s}s" : m > 0 ? $"{m}m {s}s" : $"{s}s";
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : NotReached;

    /// <summary>A phase's name in reports and JSON, e.g. <c>markerRead</c>.</summary>
    public static string PhaseName(DrillPhase phase) => JsonNamingPolicy.CamelCase.ConvertName(phase.ToString());

    public static string VerdictName(TargetVerdict verdict) => verdict switch
    {
        TargetVerdict.Pass => "pass",
        TargetVerdict.Fail => "fail",
        _ => "not measured",
    };

    public static string OutcomeName(DrillFacts facts, DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Succeeded => "succeeded",
        DrillOutcome.TargetsMissed => "targets missed",
        DrillOutcome.Interrupted => facts.FailedPhase is { } phase ? $"interrupted in phase {PhaseName(phase)}" : "interrupted",
        _ => facts.FailedPhase is { } failed ? $"failed in phase {PhaseName(failed)}" : "failed",
    };

    private static string Measured(DrillFacts facts)
    {
        var copy = facts.Restore
            ? $"the instance restored to {Time(facts.RestoreTime)}"
            : "the promoted replica";
        var window = facts.Markers is { First: { } first, Last: { } last } run
            ? $"from {Time(first.WrittenAt)} to {Time(last.WrittenAt)} ({run.Count} rows{(run.Failed > 0 ? $"; {run.Failed} write(s) failed, the last: {run.LastFailure}" : "")})"
            : "(none was written)";
        var stop = facts.Restore ? "when the drill chose the restore time" : "at failover's promote call";
        return $"Marker rows (drill id, sequence, time written) went to the primary once a second {window}; the writer stopped {stop}, " +
            $"so the last one is the last data the copy could hold. RPO is the time between the last marker written to the primary and " +
            $"the newest one found in {copy}. RTO is the time from the drill's start to " +
            (facts.Restore ? "the restored instance being available." : "the DR region answering healthy.");
    }

    private static string FailoverLine(DrillFacts facts) => facts.Failover is { } failover
        ? $"{failover.Outcome.ToString().ToLowerInvariant()}: {failover.Message}"
        : facts.FailoverStartedAt is null ? NotReached : "did not end (interrupted)";

    private static string ResultName(PhaseResult result) => result switch
    {
        PhaseResult.Passed => "passed",
        PhaseResult.Failed => "**failed**",
        _ => "running",
    };

    private static string Seconds(double seconds) => $"{seconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
