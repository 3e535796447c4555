namespace Infra.Runner.Rollout;

/// <summary>The gate's reading of one poll: every watched alarm's state and the ones that stop the rollout.</summary>
internal sealed record GateVerdict(IReadOnlyDictionary<string, AlarmState> States, IReadOnlyList<string> Tripping)
{
    public bool Tripped => Tripping.Count > 0;

    /// <summary>e.g. "web-green-5xx is ALARM, api-errors is INSUFFICIENT_DATA".</summary>
    public string Describe() => string.Join(", ", Tripping.Select(name => $"{name} is {States[name].CloudWatchName()}"));
}

/// <summary>Pure rule deciding whether alarm states stop a rollout.</summary>
internal static class AlarmGate
{
    /// <summary>
    /// ALARM and MISSING always trip; an alarm left out of <paramref name="states"/> counts as MISSING (fail closed).
    /// INSUFFICIENT_DATA trips only under <see cref="InsufficientDataPolicy.Fail"/>.
    /// </summary>
    public static GateVerdict Evaluate(
        IReadOnlyList<string> watched,
        IReadOnlyDictionary<string, AlarmState> states,
        InsufficientDataPolicy policy)
    {
        var read = watched.ToDictionary(name => name, name => states.GetValueOrDefault(name, AlarmState.Missing));
        var tripping = watched
            .Where(name => read[name] is AlarmState.Alarm or AlarmState.Missing
                || (read[name] == AlarmState.InsufficientData && policy == InsufficientDataPolicy.Fail))
            .ToList();
        return new GateVerdict(read, tripping);
    }
}
