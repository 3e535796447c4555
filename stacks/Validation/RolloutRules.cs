using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:rollout</c> and the runner's <c>infra:rolloutInProgress</c> record.</summary>
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
        ValidateInProgress(settings, d);
    }

    private static void ValidateInProgress(StackSettings settings, Diagnostics d)
    {
        if (settings.RolloutInProgress is not { } record) return;
        const string path = ConfigKeys.RolloutInProgress;
        if (record.Steps.Count > 0)
            d.CheckRange($"{path}.stepIndex", record.Step, 0, record.Steps.Count - 1);
        for (var i = 0; i < record.Services.Count; i++)
        {
            if (settings.Services.All(s => s.Name != record.Services[i].Name))
                d.Error($"{KeyPath.Item($"{path}.services", i)}.name", $"{Shown.Text(record.Services[i].Name)} is not a service of this stack");
        }
    }
}
