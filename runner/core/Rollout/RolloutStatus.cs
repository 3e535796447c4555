namespace Infra.Runner.Rollout;

/// <summary>The <c>status</c> answer: each service's config (live color, weights, images), the rollout in progress if any, and the state of every gate and critical alarm.</summary>
public sealed record RolloutStatus(
    IReadOnlyList<ServiceConfig> Services,
    RolloutRecord? InProgress,
    IReadOnlyDictionary<string, AlarmState> AlarmStates)
{
    /// <summary>Why the alarm states could not be read (then <see cref="AlarmStates"/> is empty), or null when they were.</summary>
    public string? AlarmsUnreadable { get; init; }
}
