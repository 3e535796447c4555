using System.Globalization;
using Infra.Runner.Rollout;
using Infra.Stacks.Settings;

namespace Infra.Runner.Commands;

/// <summary>
/// The stack's <c>infra:rollout</c> settings (steps, bake, poll interval, INSUFFICIENT_DATA policy, termination wait,
/// with the environment's defaults) as deploy arguments, so a flag the operator leaves out takes the stack's value.
/// </summary>
public static class StackRolloutDefaults
{
    public static RolloutArguments From(RolloutSettings rollout) => new()
    {
        Steps = string.Join(",", rollout.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        Bake = $"{rollout.BakeMinutes}m",
        Interval = $"{rollout.PollIntervalSeconds}s",
        TerminationWait = $"{rollout.TerminationWaitMinutes}m",
        InsufficientData = rollout.InsufficientData == Stacks.Settings.InsufficientDataPolicy.Fail ? "fail" : "ok",
    };
}
