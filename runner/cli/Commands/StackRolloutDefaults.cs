using System.Globalization;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;
using Infra.Stacks.Settings;
using Pulumi.Automation;

namespace Infra.Runner.Commands;

/// <summary>
/// The stack's <c>infra:rollout</c> settings (steps, bake, poll interval, INSUFFICIENT_DATA policy, termination wait, canary analysis,
/// with the environment's defaults) as deploy arguments, so a flag the operator leaves out takes the stack's value.
/// </summary>
public static class StackRolloutDefaults
{
    /// <summary>Loads and validates the stack's settings; throws <see cref="StackSettingsException"/> listing every problem.</summary>
    public static async Task<RolloutArguments> ReadAsync(WorkspaceStack stack, CancellationToken cancellationToken)
    {
        var settings = await stack.ReadSettingsAsync(cancellationToken);
        return From(settings.Rollout);
    }

    public static RolloutArguments From(RolloutSettings rollout) => new()
    {
        Steps = string.Join(",", rollout.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        Bake = $"{rollout.BakeMinutes}m",
        Interval = $"{rollout.PollIntervalSeconds}s",
        TerminationWait = $"{rollout.TerminationWaitMinutes}m",
        InsufficientData = rollout.InsufficientData == Stacks.Settings.InsufficientDataPolicy.Fail ? "fail" : "ok",
        MinRequestsPerStep = rollout.MinRequestsPerStep,
        MaxInconclusive = $"{rollout.MaxInconclusiveMinutes}m",
        OnInconclusive = rollout.OnInconclusive == Stacks.Settings.InconclusivePolicy.Pause ? "pause" : "fail",
        ErrorRateRatio = rollout.ErrorRateRatio,
        ErrorRateFloorPercent = rollout.ErrorRateFloorPercent,
        LatencyRatio = rollout.LatencyRatio,
    };
}
