using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:rollout</c> and the runner's <c>infra:rolloutInProgress</c> record.</summary>
public static class RolloutBinder
{
    private static readonly string[] RunnerFields = ["phaseStartedAt", "promotion", "trafficMayHaveMoved", "currentPercent", "isLastStep"];

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
        var phase = Required(record, "phase", record.String("phase"));
        var step = Required(record, "stepIndex", record.Int("stepIndex"));
        var startedAtText = Required(record, "startedAt", record.String("startedAt"));
        var plan = record.Map("plan");
        var steps = Required(plan, "steps", plan.IntList("steps"));
        var services = Required(record, "services", record.MapList("services")?.Select(BindMove).ToValueList());
        // The runner's own fields (stored, or computed by its record and serialized with it): known, read only by the runner.
        foreach (var runnerField in RunnerFields) record.Node(runnerField);
        record.ReportUnknownKeys();

        DateTimeOffset startedAt = default;
        if (startedAtText is not null && !IsoTimestamp.TryParse(startedAtText, out startedAt))
            record.Diagnostics.Error(record.PathOf("startedAt"),
                $"{Shown.Text(startedAtText)} is not an ISO-8601 timestamp with offset, e.g. 2026-11-20T08:00:00Z");

        return new RolloutInProgress(id ?? "", phase ?? "", step ?? 0, startedAt, steps ?? ValueList<int>.Empty,
            services ?? ValueList<RolloutServiceMove>.Empty);
    }

    private static RolloutServiceMove BindMove(MapReader service)
    {
        var name = Required(service, "name", service.String("name"));
        var toColor = Required(service, "toColor", service.Enum<Color>("toColor"));
        service.Node("fromColor");
        service.Node("image");
        service.ReportUnknownKeys();
        return new RolloutServiceMove(name ?? "", toColor ?? Color.Blue);
    }

    private static T? Required<T>(MapReader record, string key, T? value)
    {
        if (value is null && !record.Has(key)) record.Diagnostics.Error(record.PathOf(key), "required");
        return value;
    }
}
