namespace Infra.Runner.Rollout;

/// <summary>
/// One named part of a rollout's worst case: what it covers, how long it may take, and the phase it is spent in
/// (null for the rollback reserve, which any phase may need).
/// </summary>
public sealed record DurationTerm(string Name, TimeSpan Duration, RolloutPhase? Phase);

/// <summary>
/// The longest a deploy can run, from its first update to the end of its scale-down, with one rollback on top: what
/// the credentials it runs with must outlast, since a rollout whose credentials expire cannot roll itself back.
/// A pure function of the plan; every wait the rollout makes is one named term, so a new wait is one more line.
/// </summary>
public static class RolloutDuration
{
    /// <summary>
    /// One targeted <c>pulumi up</c> that changes ECS services (the new images, the scale-down, a rollback restoring
    /// the new colors): each service waits for steady state, which the AWS provider bounds with its default update
    /// timeout for <c>aws:ecs/service:Service</c>, 20 minutes; the engine's start and the program run fit in the same allowance.
    /// </summary>
    public static readonly TimeSpan ServiceUpdateAllowance = TimeSpan.FromMinutes(20);

    /// <summary>
    /// One targeted <c>pulumi up</c> of listeners and listener rules only (a traffic step, the test route, a
    /// rollback's weights): the program run and a load balancer API call, with ample room.
    /// </summary>
    public static readonly TimeSpan RoutingUpdateAllowance = TimeSpan.FromMinutes(5);

    /// <summary>A routing update also waits out a busy stack before it counts as failed (<see cref="BusyRetry"/>).</summary>
    private static TimeSpan RoutingUpdate => RoutingUpdateAllowance + BusyRetry.Backoff.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);

    public static IReadOnlyList<DurationTerm> Terms(RolloutPlan plan)
    {
        var steps = plan.Steps.Count;
        var services = plan.Services.Count;
        return
        [
            .. HookTerms(plan),
            new("deploying the new images: one service update", ServiceUpdateAllowance, RolloutPhase.Deploying),
            new($"readiness: every new color healthy within the ready timeout {plan.ReadyTimeout} + one {plan.PollInterval} poll",
                plan.ReadyTimeout + plan.PollInterval, RolloutPhase.WaitingForReady),
            new($"smoke checks: {services} service(s) x the smoke timeout {plan.Smoke.Timeout}", services * plan.Smoke.Timeout, RolloutPhase.SmokeTesting),
            new($"traffic steps: {steps} routing update(s), each waiting out a busy stack", steps * RoutingUpdate, RolloutPhase.Shifting),
            new($"bakes: {steps} x ({plan.Bake} bake + one {plan.PollInterval} poll)", steps * (plan.Bake + plan.PollInterval), RolloutPhase.Shifting),
            new($"inconclusive steps: {steps} x the longest bake extension {plan.Canary.MaxInconclusive}" + (plan.Canary.OnInconclusive == InconclusivePolicy.Pause
                    ? " (a step that pauses after it waits for a person: not bounded here)" : ""),
                steps * plan.Canary.MaxInconclusive, RolloutPhase.Shifting),
            .. PauseTerms(plan),
            new("making the new colors live: one routing update", RoutingUpdate, RolloutPhase.Shifting),
            new($"termination wait: {plan.TerminationWait} + one {plan.PollInterval} poll", plan.TerminationWait + plan.PollInterval, RolloutPhase.TerminationWait),
            new("scaling the old colors down: one service update", ServiceUpdateAllowance, RolloutPhase.ScalingDown),
            new("rollback reserve: traffic back (one routing update) and the new colors restored (one service update)", RoutingUpdate + ServiceUpdateAllowance, null),
        ];
    }

    /// <summary>The release hooks' waits: the snapshot before the images (in the deploy phase), the migration before the smoke check.</summary>
    private static IEnumerable<DurationTerm> HookTerms(RolloutPlan plan)
    {
        if (plan.Hooks.Snapshot)
            yield return new($"database snapshot: its timeout {plan.Hooks.SnapshotTimeout} + one {plan.PollInterval} poll",
                plan.Hooks.SnapshotTimeout + plan.PollInterval, RolloutPhase.Deploying);
        if (plan.Hooks.Migration is { } migration)
            yield return new($"migration task: its timeout {migration.Timeout} + one {plan.PollInterval} poll",
                migration.Timeout + plan.PollInterval, RolloutPhase.SmokeTesting);
    }
    /// <summary>Timed pauses wait up to their timeouts; one without a timeout waits for a person and is not bounded.</summary>
    private static IEnumerable<DurationTerm> PauseTerms(RolloutPlan plan) => plan.Pauses.Count == 0
        ? []
        : [new($"pauses: {plan.Pauses.Count(p => p.Timeout is not null)} timed pause(s) up to their timeouts"
                + (plan.Pauses.Any(p => p.Timeout is null) ? " (a pause without a timeout waits for a person: not bounded here)" : ""),
            plan.Pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.Timeout ?? TimeSpan.Zero)), RolloutPhase.Shifting)];

    /// <summary>The sum of <see cref="Terms"/>.</summary>
    public static TimeSpan Total(RolloutPlan plan) => Terms(plan).Aggregate(TimeSpan.Zero, (sum, term) => sum + term.Duration);

    /// <summary>
    /// What is left of the worst case for a recorded rollout resumed where it stopped: the terms of its phase and the
    /// ones after it, a shifting rollout's remaining steps and pauses only (its current step is re-applied and baked in
    /// full; a pause it stopped in counts in full), and
    /// the rollback reserve. A rollout that is stopping or rolling back needs only the reserve.
    /// </summary>
    public static TimeSpan Remaining(RolloutRecord record)
    {
        var plan = record.Phase == RolloutPhase.Shifting
            ? record.Plan with
            {
                Steps = record.Plan.Steps.Skip(record.StepIndex).ToList(),
                Pauses = record.Plan.Pauses.Where(p => p.AfterStepIndex >= record.StepIndex)
                    .Select(p => p with { AfterStepIndex = p.AfterStepIndex - record.StepIndex }).ToList(),
            }
            : record.Plan;
        var stopping = record.Phase is RolloutPhase.Stopping or RolloutPhase.RollingBack;
        return Terms(plan).Where(t => t.Phase is not { } phase || (!stopping && phase >= record.Phase))
            .Aggregate(TimeSpan.Zero, (sum, term) => sum + term.Duration);
    }

    /// <summary>The worst case in whole seconds, rounded up: what <c>deploy --print-max-duration</c> prints.</summary>
    public static long TotalSeconds(RolloutPlan plan) => (long)Math.Ceiling(Total(plan).TotalSeconds);
}
