namespace Infra.Runner.Rollout;

/// <summary>CloudWatch alarm states, spelled in docs and messages as CloudWatch does: OK, ALARM, INSUFFICIENT_DATA.</summary>
public enum AlarmState
{
    Ok,
    Alarm,
    InsufficientData,
}

public static class AlarmStates
{
    public static string CloudWatchName(this AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };
}

/// <summary>Reads alarm states by name. Names it cannot find are left out of the answer; the gate counts them as INSUFFICIENT_DATA.</summary>
public interface IAlarmReader
{
    Task<IReadOnlyDictionary<string, AlarmState>> ReadStatesAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken);
}
