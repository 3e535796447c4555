namespace Infra.Runner.Drill;

/// <summary>Pure checks that a stack can be drilled; every problem is listed at once, each with its fix.</summary>
public static class DrillPreconditions
{
    public static IReadOnlyList<string> Problems(DrillStackState stack, bool restore) =>
        restore ? RestoreProblems(stack) : PromotionProblems(stack);

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
                $"stack {name} is already promoted (the release ledger's drPromoted or infra:dr.promote is true); fail back first: create a new replica, then set both to false");
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
