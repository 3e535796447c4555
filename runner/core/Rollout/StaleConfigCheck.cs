namespace Infra.Runner.Rollout;

/// <summary>
/// Pure checks that the release ledger's state agrees with what the stack last deployed, so a release the stack never
/// applied (a failed or foreign update) cannot make the runner treat the live color as idle. Every refusal names the
/// service, both values and the fix.
/// </summary>
internal static class StaleConfigCheck
{
    /// <summary>Before a deploy: live color and weights must both match the deployed stack.</summary>
    public static void RequireLiveColorAndWeights(ServiceConfig config, ServiceOutputs deployed, string stackName)
    {
        if (config.LiveColor != deployed.LiveColor || config.Weights != deployed.Weights)
        {
            throw Stale(
                $"service {config.Name}: the release ledger says live color {config.LiveColor.ConfigName()} with weights {Describe(config.Weights)}, "
                + $"but the deployed stack says {deployed.LiveColor.ConfigName()} with {Describe(deployed.Weights)}",
                stackName);
        }
    }

    /// <summary>Before a rollback outside a rollout: the live color must match; the weights are what the rollback repairs.</summary>
    public static void RequireLiveColor(ServiceConfig config, ServiceOutputs deployed, string stackName)
    {
        if (config.LiveColor != deployed.LiveColor)
        {
            throw Stale(
                $"service {config.Name}: the release ledger says live color {config.LiveColor.ConfigName()}, "
                + $"but the deployed stack says {deployed.LiveColor.ConfigName()}",
                stackName);
        }
    }

    /// <summary>
    /// Before resuming or rolling back a recorded rollout: weights legitimately differ while steps are applied, so
    /// only the deployed live color is checked, against the colors the record's phase allows.
    /// </summary>
    public static void RequireRecordedLiveColor(RolloutRecord record, RolloutServiceRecord service, ServiceOutputs deployed, string stackName)
    {
        var allowed = LiveColorsFor(record, service);
        if (!allowed.Contains(deployed.LiveColor))
        {
            throw Stale(
                $"service {service.Name}: the ledger's rollout {record.Id} in phase {record.Phase} implies the deployed live color "
                + $"{string.Join(" or ", allowed.Select(c => c.ConfigName()))}, but the deployed stack says {deployed.LiveColor.ConfigName()}",
                stackName);
        }
    }

    /// <summary>
    /// The live colors the deployed stack may show in each phase. The new color becomes live at the end of the last
    /// step (the record may not have advanced yet when the runner stopped), and a rollback that did not finish may
    /// have reached the stack or not (one from the termination wait was marked RollingBack before it changed anything,
    /// but an older runner did not mark it, so the wait allows both colors too).
    /// </summary>
    public static IReadOnlyList<DeployColor> LiveColorsFor(RolloutRecord record, RolloutServiceRecord service) => record.Phase switch
    {
        RolloutPhase.Shifting when record.IsLastStep => [service.FromColor, service.ToColor],
        RolloutPhase.TerminationWait => [service.FromColor, service.ToColor],
        RolloutPhase.ScalingDown => [service.ToColor],
        RolloutPhase.RollingBack => [service.FromColor, service.ToColor],
        _ => [service.FromColor],
    };

    private static string Describe(TrafficWeights weights) => $"blue {weights.Blue} / green {weights.Green}";

    private static RolloutInputException Stale(string difference, string stackName) =>
        new($"{difference}; the ledger and the stack disagree, so nothing was changed — see infra-runner status --stack {stackName} and history, " +
            "then run pulumi up (it declares the ledger's release) or pulumi refresh before retrying");
}
