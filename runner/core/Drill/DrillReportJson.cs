using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.Drill;

/// <summary>
/// The drill report as JSON (the ledger's copy, the workflow's artifact, and what tools read instead of the Markdown),
/// and the facts as flat journal data. Times are ISO-8601 UTC; durations are seconds; absent means not reached.
/// </summary>
public static class DrillReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(DrillFacts facts, DrillOutcome outcome, string message)
    {
        var stack = facts.Stack;
        var report = new JsonObject
        {
            ["drillId"] = facts.DrillId,
            ["kind"] = facts.Restore ? "restore" : "promotion",
            ["stack"] = stack.StackName,
            ["outcome"] = JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()),
            ["failedPhase"] = facts.FailedPhase is { } failed ? DrillReport.PhaseName(failed) : null,
            ["message"] = message,
            ["startedAt"] = DrillReport.Time(facts.StartedAt),
            ["rto"] = new JsonObject
            {
                ["seconds"] = Seconds(facts.Rto),
                ["targetSeconds"] = stack.Targets.Rto.TotalSeconds,
                ["verdict"] = Verdict(facts.RtoVerdict),
                ["recoveredAt"] = Time(facts.RecoveredAt),
            },
            ["rpo"] = new JsonObject
            {
                ["seconds"] = Seconds(facts.Rpo?.Lost),
                ["targetSeconds"] = stack.Targets.Rpo.TotalSeconds,
                ["verdict"] = Verdict(facts.RpoVerdict),
                ["markersWritten"] = facts.Markers?.Count ?? 0,
                ["markerWritesFailed"] = facts.Markers?.Failed ?? 0,
                ["markersStoppedAt"] = Time(facts.MarkersStoppedAt),
                ["lastWritten"] = Marker(facts.Markers?.Last),
                ["newestFound"] = Marker(facts.Rpo?.NewestFound),
                ["foundIn"] = facts.Rpo?.FoundIn,
            },
            ["phases"] = new JsonArray([.. facts.Phases.Select(Phase)]),
            ["regions"] = new JsonObject
            {
                ["primary"] = new JsonObject { ["region"] = stack.Region, ["state"] = DrillRegions.Primary(facts) },
                ["dr"] = new JsonObject { ["region"] = stack.DrRegion, ["state"] = DrillRegions.Dr(facts) },
            },
            ["mayBePromoted"] = facts.MayBePromoted,
        };
        if (facts.Restore)
        {
            report["restore"] = new JsonObject
            {
                ["instanceId"] = facts.RestoreInstanceId,
                ["restoreTime"] = Time(facts.RestoreTime),
                ["cleanup"] = JsonNamingPolicy.CamelCase.ConvertName(facts.Cleanup.ToString()),
                ["cleanupDetail"] = facts.CleanupDetail,
            };
        }
        else
        {
            report["replicaLagMaxSeconds"] = facts.Lag?.MaxSeconds;
            report["failoverStartedAt"] = Time(facts.FailoverStartedAt);
            // Failover's own JSON report, as `failover` writes it: its steps, and each region's state.
            report["failover"] = facts.Failover is { } failover ? JsonNode.Parse(failover.JsonReport) : null;
        }

        return report.ToJsonString(Indented);
    }

    /// <summary>The facts as journal data: ISO-8601 UTC times, RTO and RPO in seconds.</summary>
    public static IReadOnlyDictionary<string, string> Data(DrillFacts facts)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["stack"] = facts.Stack.StackName,
            ["region"] = facts.Stack.Region,
            ["drRegion"] = facts.Stack.DrRegion ?? "",
            ["startedAt"] = DrillReport.Time(facts.StartedAt),
        };
        Add(data, "failoverStartedAt", Time(facts.FailoverStartedAt));
        Add(data, "markersStoppedAt", Time(facts.MarkersStoppedAt));
        Add(data, "healthyAt", Time(facts.HealthyAt));
        Add(data, "restoredAt", Time(facts.RestoredAt));
        Add(data, "restoreInstanceId", facts.RestoreInstanceId);
        Add(data, "markersWritten", facts.Markers?.Count.ToString(CultureInfo.InvariantCulture));
        Add(data, "markerWritesFailed", facts.Markers?.Failed.ToString(CultureInfo.InvariantCulture));
        Add(data, "rtoSeconds", Text(Seconds(facts.Rto)));
        Add(data, "rpoSeconds", Text(Seconds(facts.Rpo?.Lost)));
        Add(data, "replicaLagMaxSeconds", Text(facts.Lag?.MaxSeconds));
        Add(data, "failedPhase", facts.FailedPhase is { } failed ? DrillReport.PhaseName(failed) : null);
        return data;
    }

    private static JsonObject Phase(PhaseTiming phase) => new()
    {
        ["phase"] = DrillReport.PhaseName(phase.Phase),
        ["startedAt"] = DrillReport.Time(phase.StartedAt),
        ["endedAt"] = Time(phase.EndedAt),
        ["seconds"] = Seconds(phase.Duration),
        ["result"] = JsonNamingPolicy.CamelCase.ConvertName(phase.Result.ToString()),
    };

    private static JsonObject? Marker(DrillMarker? marker) => marker is null
        ? null
        : new JsonObject { ["sequence"] = marker.Sequence, ["writtenAt"] = DrillReport.Time(marker.WrittenAt) };

    private static string Verdict(TargetVerdict verdict) => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString());

    private static string? Time(DateTimeOffset? at) => at is null ? null : DrillReport.Time(at);

    private static double? Seconds(TimeSpan? span) => span?.TotalSeconds;

    private static string? Text(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Add(IDictionary<string, string> data, string key, string? value)
    {
        if (value is not null) data[key] = value;
    }
}
