using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout</c>.</summary>
public static class RolloutBinder
{
    public static RolloutSettings BindRollout(MapReader rollout, StackDefaults defaults)
    {
        var settings = new RolloutSettings(
            Steps: rollout.IntList("steps") ?? defaults.RolloutSteps,
            BakeMinutes: rollout.Int("bakeMinutes") ?? defaults.BakeMinutes,
            PollIntervalSeconds: rollout.Int("pollIntervalSeconds") ?? defaults.PollIntervalSeconds,
            InsufficientData: rollout.Enum<InsufficientDataPolicy>("insufficientData") ?? defaults.InsufficientData,
            TerminationWaitMinutes: rollout.Int("terminationWaitMinutes") ?? defaults.TerminationWaitMinutes,
            ReadyTimeoutMinutes: rollout.Int("readyTimeoutMinutes") ?? defaults.ReadyTimeoutMinutes);
        rollout.ReportUnknownKeys();
        return settings;
    }
}
