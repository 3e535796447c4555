using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:rollout</c>.</summary>
public static class RolloutRules
{
    /// <summary>The range of <c>readyTimeoutMinutes</c>: Fargate starts a task within minutes; an hour means it never will.</summary>
    public const int MinReadyTimeoutMinutes = 1;
    public const int MaxReadyTimeoutMinutes = 60;

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
            // Items are numbered as written: pauses before a percentage shift its index.
            string Item(int i) => KeyPath.Item($"{path}.steps", i + rollout.Pauses.Count(p => p.AfterStep <= i));
            for (var i = 0; i < steps.Count; i++)
            {
                d.CheckRange(Item(i), steps[i], 1, 100);
                if (i > 0 && steps[i] <= steps[i - 1])
                    d.Error(Item(i),
                        $"{steps[i]} does not follow {steps[i - 1]}; steps must be strictly increasing");
            }
            if (steps[^1] != 100)
                d.Error($"{path}.steps", $"the last step is {steps[^1]}; it must be 100");
            PauseRules.Validate(rollout, steps.Count, d);
        }

        var bakeValid = ValidateBake(settings, d);
        if (d.CheckAtLeast($"{path}.pollIntervalSeconds", rollout.PollIntervalSeconds, 1) && bakeValid
            && rollout.PollIntervalSeconds > rollout.BakeMinutes * 60)
        {
            d.Error($"{path}.pollIntervalSeconds",
                $"{rollout.PollIntervalSeconds} is out of range; allowed 1 to {rollout.BakeMinutes * 60} (at most the bake, {rollout.BakeMinutes} minutes)");
        }

        d.CheckAtLeast($"{path}.terminationWaitMinutes", rollout.TerminationWaitMinutes, 0);
        d.CheckRange($"{path}.readyTimeoutMinutes", rollout.ReadyTimeoutMinutes, MinReadyTimeoutMinutes, MaxReadyTimeoutMinutes);
        d.CheckRange($"{path}.minRequestsPerStep", rollout.MinRequestsPerStep, 1, 1_000_000);
        d.CheckRange($"{path}.maxInconclusiveMinutes", rollout.MaxInconclusiveMinutes, 0, 120);
        d.CheckRange($"{path}.errorRateRatio", rollout.ErrorRateRatio, 1, 100);
        d.CheckRange($"{path}.errorRateFloorPercent", rollout.ErrorRateFloorPercent, 0, 50);
        d.CheckRange($"{path}.latencyRatio", rollout.LatencyRatio, 1, 100);
        ReleaseHookRules.Validate(settings, d);
    }

    /// <summary>
    /// The shortest bake in whole minutes: the longest gate alarm's window plus one period, rounded up; at least one
    /// minute, also when every gate alarm is disabled. The second value says why, or is null for the plain minimum.
    /// </summary>
    public static (int Minutes, string? Why) MinimumBakeMinutes(IReadOnlyDictionary<string, AlarmOverride> overrides)
    {
        var longest = GateWindows.Longest(overrides);
        return longest is null ? (1, null) : (Math.Max(1, (longest.MinimumBakeSeconds + 59) / 60), longest.Describe());
    }

    private static bool ValidateBake(StackSettings settings, Diagnostics d)
    {
        var key = $"{ConfigKeys.Rollout}.bakeMinutes";
        var bake = settings.Rollout.BakeMinutes;
        var (minimum, why) = MinimumBakeMinutes(settings.AlarmOverrides);
        if (bake >= minimum) return true;
        d.Error(key, $"{bake} is out of range; allowed {minimum} or more" + (why is null ? "" : $" ({why})"));
        return false;
    }
}
