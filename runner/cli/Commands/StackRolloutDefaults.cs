using System.Globalization;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
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
        var config = await stack.GetAllConfigAsync(cancellationToken);
        var values = config.ToDictionary(c => c.Key, c => c.Value.Value);
        var secrets = config.Where(c => c.Value.IsSecret).Select(c => c.Key).ToHashSet();
        var settings = StackSettingsLoader.FromConfigValues(stack.Name, values, secrets).GetValidOrThrow();
        return From(settings.Rollout);
    }

    public static RolloutArguments From(RolloutSettings rollout) => new()
    {
        Steps = string.Join(",", rollout.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture))),
        Bake = $"{rollout.BakeMinutes}m",
        Interval = $"{rollout.PollIntervalSeconds}s",
        TerminationWait = $"{rollout.TerminationWaitMinutes}m",
        InsufficientData = rollout.InsufficientData == Stacks.Settings.InsufficientDataPolicy.Fail ? "fail" : "ok",
    };
}
