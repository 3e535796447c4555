using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:rollout</c>.</summary>
public static class RolloutRules
{
    public static void Validate(StackSettings settings, Diagnostics d)
    {
        const string path = ConfigKeys.Rollout;
        var rollout = settings.Rollout;
        var steps = rollout.Steps;
        if (steps.Count == 0)
        {
            d.Error($"{path}.steps", "required; list the new color's weight per step, ending at 100, e.g. [10, 50, 100]");
        }
        else
        {
            for (var i = 0; i < steps.Count; i++)
            {
                d.CheckRange(KeyPath.Item($"{path}.steps", i), steps[i], 1, 100);
                if (i > 0 && steps[i] <= steps[i - 1])
                    d.Error(KeyPath.Item($"{path}.steps", i),
                        $"{steps[i]} does not follow {steps[i - 1]}; steps must be strictly increasing");
            }
            if (steps[^1] != 100)
                d.Error($"{path}.steps", $"the last step is {steps[^1]}; it must be 100");
        }

        d.CheckAtLeast($"{path}.bakeMinutes", rollout.BakeMinutes, 0);
        d.CheckAtLeast($"{path}.pollIntervalSeconds", rollout.PollIntervalSeconds, 1);
        d.CheckAtLeast($"{path}.terminationWaitMinutes", rollout.TerminationWaitMinutes, 0);
        d.CheckRange($"{path}.minRequestsPerStep", rollout.MinRequestsPerStep, 1, 1_000_000);
        d.CheckRange($"{path}.maxInconclusiveMinutes", rollout.MaxInconclusiveMinutes, 0, 120);
        d.CheckRange($"{path}.errorRateRatio", rollout.ErrorRateRatio, 1, 100);
        d.CheckRange($"{path}.errorRateFloorPercent", rollout.ErrorRateFloorPercent, 0, 50);
        d.CheckRange($"{path}.latencyRatio", rollout.LatencyRatio, 1, 100);
    }
}
