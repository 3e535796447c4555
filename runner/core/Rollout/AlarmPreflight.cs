namespace Infra.Runner.Rollout;

/// <summary>
/// Pure rule of the pre-flight: a rollout does not start while an alarm it would watch is already in ALARM, since the
/// first step would then roll back on an incident the release did not cause (or hide one it makes worse).
/// <c>deploy --during-incident</c> overrides it for a hotfix.
/// </summary>
internal static class AlarmPreflight
{
    /// <summary>The watched alarms in ALARM, in the order watched.</summary>
    public static IReadOnlyList<string> Firing(IReadOnlyList<string> watched, IReadOnlyDictionary<string, AlarmState> states) =>
        watched.Where(name => states.GetValueOrDefault(name, AlarmState.Missing) == AlarmState.Alarm).ToList();

    /// <summary>Refuses when any watched alarm is in ALARM; <paramref name="consequence"/> says what was (not) changed and what to do.</summary>
    public static void Require(IReadOnlyList<string> watched, IReadOnlyDictionary<string, AlarmState> states, string consequence)
    {
        var firing = Firing(watched, states);
        if (firing.Count > 0)
        {
            throw new RolloutInputException($"these watched alarms are in ALARM: {string.Join(", ", firing)}; {consequence}");
        }
    }

    /// <summary>The journal line and notification of a deploy started with <c>--during-incident</c>.</summary>
    public static string DescribeOverride(string rolloutId, IReadOnlyList<string> firing) =>
        $"Rollout {rolloutId} started with --during-incident: " + (firing.Count == 0
            ? "no watched alarm was in ALARM"
            : $"these watched alarms are in ALARM: {string.Join(", ", firing)}");
}
