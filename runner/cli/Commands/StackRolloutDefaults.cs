using System.Globalization;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Pulumi.Automation;

namespace Infra.Runner.Commands;

/// <summary>
/// The stack's <c>infra:rollout</c> settings (steps, bake, poll interval, INSUFFICIENT_DATA policy, termination wait,
/// with the environment's defaults) as deploy arguments, so a flag the operator leaves out takes the stack's value.
/// </summary>
public static class StackRolloutDefaults
{
    /// <summary>Loads and validates the stack's settings; throws <see cref="StackSettingsException"/> listing every problem.</summary>
    public static async Task<RolloutArguments> ReadAsync(WorkspaceStack stack, CancellationToken cancellationToken)
    {
        var settings = await stack.ReadSettingsAsync(cancellationToken);
        var (minutes, why) = RolloutRules.MinimumBakeMinutes(settings.AlarmOverrides);
        return From(settings.Rollout) with
        {
            // A --bake flag gets the same floor as the stack file's bakeMinutes.
            MinimumBake = new BakeFloor(TimeSpan.FromMinutes(minutes), why),
        };
    }

    public static RolloutArguments From(RolloutSettings rollout) => new()
    {
        Steps = string.Join(",", rollout.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        Bake = $"{rollout.BakeMinutes}m",
        Interval = $"{rollout.PollIntervalSeconds}s",
        TerminationWait = $"{rollout.TerminationWaitMinutes}m",
        ReadyTimeout = $"{rollout.ReadyTimeoutMinutes}m",
        InsufficientData = rollout.InsufficientData == Stacks.Settings.InsufficientDataPolicy.Fail ? "fail" : "ok",
    };
}
