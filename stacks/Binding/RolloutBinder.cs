using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout</c>.</summary>
public static class RolloutBinder
{
    public static RolloutSettings BindRollout(MapReader rollout, StackDefaults defaults)
    {
        var (steps, pauses) = RolloutStepsBinder.Bind(rollout);
        var settings = new RolloutSettings(
            Steps: steps ?? defaults.RolloutSteps,
            BakeMinutes: rollout.Int("bakeMinutes") ?? defaults.BakeMinutes,
            PollIntervalSeconds: rollout.Int("pollIntervalSeconds") ?? defaults.PollIntervalSeconds,
            InsufficientData: rollout.Enum<InsufficientDataPolicy>("insufficientData") ?? defaults.InsufficientData,
            TerminationWaitMinutes: rollout.Int("terminationWaitMinutes") ?? defaults.TerminationWaitMinutes,
            ReadyTimeoutMinutes: rollout.Int("readyTimeoutMinutes") ?? defaults.ReadyTimeoutMinutes,
            Hooks: ReleaseHookBinder.Bind(rollout.Map("hooks"), defaults))
        {
            MinRequestsPerStep = rollout.Int("minRequestsPerStep") ?? defaults.MinRequestsPerStep,
            MaxInconclusiveMinutes = rollout.Int("maxInconclusiveMinutes") ?? defaults.MaxInconclusiveMinutes,
            OnInconclusive = rollout.Enum<InconclusivePolicy>("onInconclusive") ?? defaults.OnInconclusive,
            ErrorRateRatio = rollout.Double("errorRateRatio") ?? defaults.ErrorRateRatio,
            ErrorRateFloorPercent = rollout.Double("errorRateFloorPercent") ?? defaults.ErrorRateFloorPercent,
            LatencyRatio = rollout.Double("latencyRatio") ?? defaults.LatencyRatio,
            Pauses = pauses,
            PauseTimeoutAction = rollout.Enum<PauseTimeoutAction>("pauseTimeoutAction") ?? defaults.PauseTimeoutAction,
        };
        rollout.ReportUnknownKeys();
        return settings;
    }
}
