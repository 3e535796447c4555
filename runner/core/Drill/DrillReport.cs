using System.Globalization;
using System.Text;

namespace Infra.Runner.Drill;

/// <summary>
/// The drill report as Markdown (for the job summary and the artifact), and the same facts as journal data. Pure:
/// everything comes from <see cref="DrillFacts"/>.
/// </summary>
public static class DrillReport
{
    public const string NotReached = "not reached";

    public static string Render(DrillFacts facts, DrillOutcome outcome, string message)
    {
        var stack = facts.Stack;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# DR drill {facts.DrillId} on {stack.StackName}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Outcome: **{OutcomeName(outcome)}**");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Stack: {stack.StackName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Primary region: {stack.Region}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- DR region: {stack.DrRegion}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Replica: {stack.ReplicaIdentifier}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Health check: {facts.HealthSuccesses} x 2xx in a row from {facts.HealthUrl}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Started (UTC): {Time(facts.StartedAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Promotion update started (UTC): {Time(facts.UpdateStartedAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Promoted (UTC): {Time(facts.PromotedAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Healthy (UTC): {Time(facts.HealthyAt)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- RTO: {Rto(facts)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- RPO: {Rpo(facts)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Promotion: {PromoteLine(facts)}");
        text.AppendLine();
        text.AppendLine("## What happened");
        text.AppendLine();
        text.AppendLine(message);
        if (facts.MayBePromoted)
        {
            AppendFailBack(text, stack);
        }

        return text.ToString();
    }

    /// <summary>The RPO line: the replica lag's maximum and its window, or why it is unknown.</summary>
    public static string Rpo(DrillFacts facts) => facts.Lag is { } lag
        ? $"replica lag max {Seconds(lag.MaxSeconds)} over {Time(facts.LagFrom)} to {Time(facts.LagTo)} " +
          $"(ReplicaLag, Maximum per 60 s, {lag.DataPoints} data point(s))"
        : "unknown (no ReplicaLag data in the last 5 minutes)";

    /// <summary>90 s as "1m 30s", 2 h as "2h 0m 0s".</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return h > 0 ? $"{h}h {m}m {s}s" : m > 0 ? $"{m}m {s}s" : $"{s}s";
    }

    /// <summary>The facts as journal data: ISO-8601 UTC times, RTO and RPO in seconds.</summary>
    public static IReadOnlyDictionary<string, string> Data(DrillFacts facts)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["stack"] = facts.Stack.StackName,
            ["region"] = facts.Stack.Region,
            ["drRegion"] = facts.Stack.DrRegion ?? "",
            ["startedAt"] = Time(facts.StartedAt),
        };
        Add(data, "updateStartedAt", facts.UpdateStartedAt is { } u ? Time(u) : null);
        Add(data, "promotedAt", facts.PromotedAt is { } p ? Time(p) : null);
        Add(data, "healthyAt", facts.HealthyAt is { } h ? Time(h) : null);
        Add(data, "rtoSeconds", facts.Rto?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        Add(data, "replicaLagMaxSeconds", facts.Lag?.MaxSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        return data;
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : NotReached;

    private static string Rto(DrillFacts facts) => facts.Rto is { } rto
        ? $"{Duration(rto)} (promotion update start to healthy)"
        : "not measured (the DR region was not seen healthy)";

    private static string PromoteLine(DrillFacts facts)
    {
        var ledger = $"release ledger {LedgerTableOf(facts.Stack)}";
        return facts.PromoteConfig switch
        {
            PromoteConfig.SetTrue => $"drPromoted is true in the {ledger}; every later update, a plain `pulumi up` included, keeps the DR region promoted",
            PromoteConfig.SetBackToFalse => $"drPromoted was set to true, then back to false in the {ledger}",
            _ => $"drPromoted unchanged (false) in the {ledger}",
        };
    }

    // The table the stack declares (Infra.Stacks.Release.LedgerTable.NameFor; the runner's core references no other project).
    private static string LedgerTableOf(DrillStackState stack) => $"infra-{stack.StackName}-releases";

    private static void AppendFailBack(StringBuilder text, DrillStackState stack)
    {
        var ledger = LedgerTableOf(stack);
        text.AppendLine();
        text.AppendLine("## Fail back (manual)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Promotion is one-way: the replica {stack.ReplicaIdentifier} in {stack.DrRegion} is now a standalone database and the DR services run. The drill does not fail back; do it by hand:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"1. Leave the promotion (`drPromoted: true` in the release ledger {ledger}) until a new replica exists; set to false earlier, the program would declare the promoted database as a replica again.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"2. If anything written to {stack.ReplicaIdentifier} in {stack.DrRegion} must be kept, snapshot it now.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"3. Create a new cross-region read replica of the primary in {stack.DrRegion} and wait until it is available and reports ReplicaLag.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"4. Only then set the promotion back to false. No runner command does this yet: in the release ledger {ledger}, item pk `{stack.StackName}`, sk `release`, change `\"drPromoted\":true` to `false` in the `desired` attribute and add 1 to `version` (no runner may be running), and make sure `infra:dr.promote` is not true in Pulumi.{stack.StackName}.yaml.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"5. Check `pulumi preview --diff --stack {stack.StackName}`, then run `pulumi up`; this also scales the DR services back to zero.");
    }

    private static string OutcomeName(DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Succeeded => "succeeded",
        DrillOutcome.StackBusy => "not started (stack busy)",
        DrillOutcome.Interrupted => "interrupted",
        _ => "failed",
    };

    private static string Seconds(double seconds) => $"{seconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static void Add(IDictionary<string, string> data, string key, string? value)
    {
        if (value is not null) data[key] = value;
    }
}
