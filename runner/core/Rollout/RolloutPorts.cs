namespace Infra.Runner.Rollout;

/// <summary>
/// Everything outside the state machine: the stack, CloudWatch (alarms and load-balancer metrics), the smoke check, people, the journal and the clock.
/// All waiting goes through <see cref="Time"/>; <see cref="Progress"/> (optional) receives a line at every poll.
/// <see cref="TargetHealth"/> says when a new color's targets are healthy, before its smoke check; <see cref="TrafficSwitch"/> flips traffic back at once.
/// </summary>
public sealed record RolloutPorts(
    IStackOperations Stack,
    IAlarmReader Alarms,
    ITargetGroupMetrics Metrics,
    ISmokeCheck Smoke,
    INotifier Notifier,
    IJournal Journal,
    TimeProvider Time,
    IProgress<RolloutProgress>? Progress = null)
{
    public required ITargetHealthReader TargetHealth { get; init; }

    /// <summary>The load balancer's API, which a rollback moves traffic with before its reconciling update; null: updates only.</summary>
    public ITrafficSwitch? TrafficSwitch { get; init; }

    /// <summary>RDS snapshots, for a release that takes one before it changes anything; null: such a release fails its hook.</summary>
    public IDatabaseSnapshots? Snapshots { get; init; }

    /// <summary>ECS one-off tasks, for a release with a migration; null: such a release fails its hook.</summary>
    public IMigrationTasks? Tasks { get; init; }
    /// <summary>Signs and POSTs the plan's webhooks; null: a plan with webhooks fails each blocking one.</summary>
    public IWebhookSender? Webhooks { get; init; }
}
