namespace Infra.Runner.Rollout;

/// <summary>CloudWatch alarm states, spelled in docs and messages as CloudWatch does: OK, ALARM, INSUFFICIENT_DATA.</summary>
public enum AlarmState
{
    Ok,
    Alarm,
    InsufficientData,

    /// <summary>Not a CloudWatch state: no alarm of that name exists in the region asked. Always a failure.</summary>
    Missing,
}

public static class AlarmStates
{
    public static string CloudWatchName(this AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        AlarmState.InsufficientData => "INSUFFICIENT_DATA",
        _ => "MISSING",
    };
}

/// <summary>
/// Reads alarm states by name in one region. Every name asked for is in the answer; a name CloudWatch does not
/// know is <see cref="AlarmState.Missing"/>, never INSUFFICIENT_DATA, so a wrong region or a typo cannot pass the gate.
/// </summary>
public interface IAlarmReader
{
    /// <summary>The AWS region the alarms are read in, for messages about missing alarms.</summary>
    string Region { get; }

    Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken);
}
