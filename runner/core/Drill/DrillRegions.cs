using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>What state the drill left each region in, read from its facts, for both reports and Slack.</summary>
public static class DrillRegions
{
    public static string Primary(DrillFacts facts)
    {
        var stack = facts.Stack;
        var text = $"{stack.Region}: the primary {stack.PrimaryIdentifier} is unchanged and still the writer{Markers(facts)}";
        if (facts.MayBePromoted)
        {
            text += "; the promoted replica no longer follows it, so writes to it after the promote call are not in the DR region (failover's fence step scaled its services to 0 where it could)";
        }

        return facts.RestoreInstanceId is null ? text : $"{text}. {RestoreDrill.CleanupLine(facts)}";
    }

    public static string Dr(DrillFacts facts)
    {
        var stack = facts.Stack;
        var region = stack.DrRegion ?? "no DR region";
        if (facts.Restore)
        {
            return $"{region}: not touched by a restore drill";
        }

        var replica = stack.ReplicaIdentifier;
        if (facts.FailoverStartedAt is null)
        {
            return $"{region}: the replica {replica} is still a read replica of the primary and the DR services are at zero tasks (nothing was changed)";
        }

        if (facts.Failover is not { Outcome: DrOutcome.Succeeded })
        {
            return $"{region}: failover did not finish: the replica {replica} may be promoted and the DR services partly scaled up (failover's report below says what each region is in)";
        }

        if (facts.HealthyAt is not null)
        {
            return $"{region}: the replica {replica} is promoted (a standalone writer), the DR services run and the DR region answers healthy at {facts.HealthUrl}";
        }

        var health = facts.Phases.Any(p => p.Phase == DrillPhase.Health) ? "did not answer healthy" : "was not checked";
        return $"{region}: the replica {replica} is promoted (a standalone writer) and the DR services run, but the DR load balancer {health}";
    }

    private static string Markers(DrillFacts facts) => facts.Markers is { Last: { } last } run
        ? $"; it holds {run.Count} marker row(s) of this drill, the last (#{last.Sequence}) written at {DrillReport.Time(last.WrittenAt)}"
        : "";
}
