namespace Infra.Runner.Drill;

/// <summary>Pure checks that a stack can be drilled; every problem is listed at once, each with its fix.</summary>
public static class DrillPreconditions
{
    public static IReadOnlyList<string> Problems(DrillStackState stack, bool restore) =>
        restore ? RestoreProblems(stack) : PromotionProblems(stack);

    /// <summary>
    /// Null when the stack may be drilled; otherwise why not: a production stack without <c>--allow-production</c>.
    /// Checked from the stack file alone, before any AWS client is made.
    /// </summary>
    public static string? ProductionRefusal(string stackName, bool production, bool allowProduction) => production && !allowProduction
        ? $"stack {stackName} is a production stack (infra:environment: production); a drill promotes its DR region or restores its database " +
          "into a new instance: add --allow-production to drill it"
        : null;

    private static List<string> PromotionProblems(DrillStackState stack)
    {
        var problems = new List<string>();
        var name = stack.StackName;
        if (!stack.Replica)
        {
            problems.Add($"stack {name} has no DR replica (infra:dr.replica is false); set it to true and run a full update before a drill");
        }

        if (!stack.PilotLight)
        {
            problems.Add($"stack {name} has no pilot light (infra:dr.pilotLight is false); set it to true and run a full update before a drill");
        }

        if (stack.DrRegion is null)
        {
            problems.Add($"stack {name} has no infra:drRegion; a drill promotes the replica in that region");
        }

        if (stack.Promote)
        {
            problems.Add(
                $"stack {name} is already promoted (the release ledger's dr item or infra:dr.promote says so); fail back first: run `failback --stack {name} --yes`, and set infra:dr.promote to false if it is true");
        }

        if (stack.RolloutInProgressId is { } rollout)
        {
            problems.Add($"rollout {rollout} is in progress on stack {name}; resume, abort or roll it back before a drill");
        }

        if (stack.PilotLight && string.IsNullOrEmpty(stack.DrUrl))
        {
            problems.Add($"stack {name} has no drUrl output; run a full update so the outputs include the pilot light");
        }

        if (stack.Replica && string.IsNullOrEmpty(stack.ReplicaIdentifier))
        {
            problems.Add($"stack {name} has no database.replica.identifier output; run a full update so the outputs include the replica");
        }

        if (stack.Replica && string.IsNullOrEmpty(stack.ReplicaEndpoint))
        {
            problems.Add($"stack {name} has no database.replica.endpoint output; run a full update so the drill can read its markers from the promoted replica");
        }

        if (stack.Replica && stack.PilotLight && stack.DrRegion is not null && stack.Topology is null)
        {
            problems.Add($"{stack.TopologyProblem} (a drill promotes through failover)");
        }

        AddPrimaryEndpoint(stack, problems);
        return problems;
    }

    private static List<string> RestoreProblems(DrillStackState stack)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(stack.PrimaryIdentifier))
        {
            problems.Add($"stack {stack.StackName} has no database.primary.identifier output; run a full update so a restore drill knows what to restore");
        }

        AddPrimaryEndpoint(stack, problems);
        return problems;
    }

    private static void AddPrimaryEndpoint(DrillStackState stack, List<string> problems)
    {
        if (string.IsNullOrEmpty(stack.PrimaryEndpoint))
        {
            problems.Add($"stack {stack.StackName} has no database.primary.endpoint output; run a full update so the drill can write its markers to the primary");
        }
    }
}
