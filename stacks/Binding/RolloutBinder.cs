using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout</c> and the runner's <c>infra:rolloutInProgress</c> record.</summary>
public static class RolloutBinder
{
    public static RolloutSettings BindRollout(MapReader rollout, StackDefaults defaults)
    {
        var settings = new RolloutSettings(
            Steps: rollout.IntList("steps") ?? defaults.RolloutSteps,
            BakeMinutes: rollout.Int("bakeMinutes") ?? defaults.BakeMinutes,
            PollIntervalSeconds: rollout.Int("pollIntervalSeconds") ?? defaults.PollIntervalSeconds,
            InsufficientData: rollout.Enum<InsufficientDataPolicy>("insufficientData") ?? defaults.InsufficientData,
            TerminationWaitMinutes: rollout.Int("terminationWaitMinutes") ?? defaults.TerminationWaitMinutes);
        rollout.ReportUnknownKeys();
        return settings;
    }

    /// <summary>Null when the stack has no rollout in progress; every field is required when it has one.</summary>
    public static RolloutInProgress? BindInProgress(MapReader record)
    {
        if (record.IsEmpty)
        {
            record.ReportUnknownKeys();
            return null;
        }

        var id = Required(record, "id", record.String("id"));
        var step = Required(record, "step", record.Int("step"));
        var startedAtText = Required(record, "startedAt", record.String("startedAt"));
        var targetColor = Required(record, "targetColor", record.Enum<Color>("targetColor"));
        var services = Required(record, "services", record.StringList("services"));
        record.ReportUnknownKeys();

        DateTimeOffset startedAt = default;
        if (startedAtText is not null && !IsoTimestamp.TryParse(startedAtText, out startedAt))
            record.Diagnostics.Error(record.PathOf("startedAt"),
                $"'{startedAtText}' is not an ISO-8601 timestamp with offset, e.g. 2026-11-20T08:00:00Z");

        return new RolloutInProgress(id ?? "", step ?? 0, startedAt, targetColor ?? Color.Blue,
            services ?? ValueList<string>.Empty);
    }

    private static T? Required<T>(MapReader record, string key, T? value)
    {
        if (value is null && !record.Has(key)) record.Diagnostics.Error(record.PathOf(key), "required");
        return value;
    }
}
