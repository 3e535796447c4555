using Infra.Stacks.Settings;

namespace Infra;

/// <summary>
/// While the DR region is promoted (the ledger's <c>dr</c> item, set by <c>failover</c>, or the stack file's
/// <c>dr.promote</c>) the primary region's services are declared as failover's fence leaves them: no tasks and
/// autoscaling 0..0 (runner/core/Dr/DrSteps.cs, <c>Fence</c>). Declared at their live range instead, a <c>pulumi up</c>
/// after a failover would start them again, writing to the old primary database while the promoted one takes the
/// writes. Failover stops each service's live color; the fence here stops the idle color too, which runs no task
/// after failover anyway unless a rollout kept it running. The fence holds while fail-back switches back too, when the DR
/// region's services rest as well (<see cref="PilotLight"/>): then neither region runs a task until the primary's database
/// is promoted again. Fail-back records the ledger's <c>dr</c> item as not promoted right after promoting the primary's
/// database and before it scales the primary's services up, so a <c>pulumi up</c> at any point after the scale-up
/// declares the live range it set, never the fence.
/// </summary>
public static class FailoverFence
{
    /// <summary>A fence needs somewhere else to serve: only a stack with a pilot light fails its services over.</summary>
    public static bool Holds(StackSettings settings) => settings.Dr is { Promote: true, PilotLight: true };

    /// <summary>The settings the primary region's serving tier runs with: the stack's, or its services stopped while the fence holds.</summary>
    public static StackSettings PrimarySettingsFor(StackSettings settings) =>
        Holds(settings) ? settings with { Services = settings.Services.Select(DormantService.Of).ToValueList() } : settings;
}
