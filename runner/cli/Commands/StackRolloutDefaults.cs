using System.Globalization;
using Infra.Runner.Rollout;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Runner.Commands;

/// <summary>
/// The stack's <c>infra:rollout</c> settings (steps, bake, poll interval, INSUFFICIENT_DATA policy, termination wait, canary analysis,
/// with the environment's defaults) as deploy arguments, so a flag the operator leaves out takes the stack's value.
/// </summary>
public static class StackRolloutDefaults
{
    /// <summary>The stack's rollout settings; a <c>--bake</c> flag gets the same floor as the stack file's bakeMinutes.</summary>
    public static RolloutArguments From(StackSettings settings)
    {
        var (minutes, why) = RolloutRules.MinimumBakeMinutes(settings.AlarmOverrides);
        return From(settings.Rollout) with
        {
            MinimumBake = new BakeFloor(TimeSpan.FromMinutes(minutes), why),
            Production = settings.Environment == StackEnvironment.Production,
            FromStack = true,
        };
    }

    private static RolloutArguments From(RolloutSettings rollout) => new()
    {
        Steps = string.Join(",", rollout.Steps.SelectMany((percent, i) => Pause(rollout, i + 1).Prepend(percent.ToString(CultureInfo.InvariantCulture)))),
        Bake = $"{rollout.BakeMinutes}m",
        Interval = $"{rollout.PollIntervalSeconds}s",
        TerminationWait = $"{rollout.TerminationWaitMinutes}m",
        ReadyTimeout = $"{rollout.ReadyTimeoutMinutes}m",
        InsufficientData = rollout.InsufficientData == Stacks.Settings.InsufficientDataPolicy.Fail ? "fail" : "ok",
        MinRequestsPerStep = rollout.MinRequestsPerStep,
        MaxInconclusive = $"{rollout.MaxInconclusiveMinutes}m",
        OnInconclusive = rollout.OnInconclusive == Stacks.Settings.InconclusivePolicy.Pause ? "pause" : "fail",
        PauseTimeoutAction = rollout.PauseTimeoutAction == Stacks.Settings.PauseTimeoutAction.Promote ? "promote" : "rollback",
        Webhooks = (rollout.Hooks?.Webhooks.Webhooks ?? ValueList<WebhookSettings>.Empty)
            .Select(w => new RolloutWebhook(w.Name, new Uri(w.Url), At(w.At), TimeSpan.FromSeconds(w.TimeoutSeconds))).ToList(),
        ErrorRateRatio = rollout.ErrorRateRatio,
        ErrorRateFloorPercent = rollout.ErrorRateFloorPercent,
        LatencyRatio = rollout.LatencyRatio,
        BackupBeforeDeploy = rollout.Hooks?.BackupBeforeDeploy ?? false,
        KeepReleaseSnapshots = rollout.Hooks?.KeepReleaseSnapshots ?? 10,
        Migration = rollout.Hooks?.Migration is { } migration
            ? new MigrationArguments(migration.Service, migration.Command, $"{migration.TimeoutMinutes}m")
            : null,
    };

    private static WebhookAt At(WebhookPoint at) => at switch
    {
        WebhookPoint.PreTraffic => WebhookAt.PreTraffic,
        WebhookPoint.PostStep => WebhookAt.PostStep,
        WebhookPoint.PostRelease => WebhookAt.PostRelease,
        _ => WebhookAt.Rollback,
    };

    /// <summary>The <c>--steps</c> spelling of the pause after the given step (1-based), if any.</summary>
    private static IEnumerable<string> Pause(RolloutSettings rollout, int afterStep) =>
        rollout.Pauses.Where(p => p.AfterStep == afterStep)
            .Select(p => p.TimeoutSeconds is { } seconds ? $"pause:{seconds.ToString(CultureInfo.InvariantCulture)}s" : "pause");
}
