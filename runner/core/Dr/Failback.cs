using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// <c>failback</c>: moves the primary role back to the original region after a failover, in a planned switchover that
/// keeps every identifier (and so every endpoint name) the program and the services know. In the original region the
/// old primary is renamed aside and a new cross-region replica of the promoted DR database takes its identifier; once
/// its lag is under the RPO target, the DR services stop (no more writes), the final catch-up is seen, the new replica
/// is promoted, the ledger says drPromoted: false, the primary's services run and DNS moves back: the switchover. A
/// failure during it is undone (writes restored in the DR region, which stays failed over) and the report says so.
/// The DR side is then rebuilt the same way (old DR instance renamed, a new replica of the new primary under the DR
/// identifier); a run that stopped there is resumed by the next one, which finds drPromoted false and no DR replica.
/// Last, Pulumi's state is pointed at the new instances (<see cref="StateRepair"/>). Every step looks at AWS (and the
/// state) before it acts, so a run stopped anywhere, even killed, is finished by the next one.
/// </summary>
public sealed class Failback(DrPorts ports, DrOptions options, IDrStackState state)
{
    public async Task<DrResult> RunAsync(DrTopology topology, CancellationToken cancellationToken = default)
    {
        var procedure = new DrProcedure(ports, topology, "Failback");
        var startedAt = ports.Time.GetUtcNow();
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var steps = new DrSteps(ports, options);
        var repair = new StateRepair(ports, state, topology);
        var (primary, dr) = (topology.Primary, topology.Dr);
        if (!await ports.Ledger.ReadPromotedAsync(cancellationToken))
        {
            if (await UnfinishedRebuildAsync(topology, cancellationToken) is not { } unfinished)
            {
                var (needed, unreadable) = await UnfinishedRepairAsync(repair, cancellationToken);
                var notFailedOver = $"stack {topology.StackName} is not failed over (the release ledger's drPromoted is false)";
                return (needed, unreadable) switch
                {
                    ({ } why, _) => await ResumeAsync(procedure, why, repair.Steps(), $"{topology.StackName}'s Pulumi state points at the instances fail-back created", [], cancellationToken),
                    (_, { } error) => await procedure.RefuseAsync(
                        $"{notFailedOver}; whether Pulumi's state still needs fail-back's repair is unknown: it could not be read ({error}); nothing was changed", startedAt),
                    _ => await procedure.NothingToDoAsync($"{notFailedOver} and no earlier fail-back is unfinished; nothing was changed", startedAt),
                };
            }

            if (await DrMayTakeWritesAsync(dr, cancellationToken) is { } writes)
            {
                return await procedure.RefuseAsync($"the release ledger's drPromoted is false but {writes}; nothing was changed", startedAt);
            }

            // The switchover's last steps again (both no-ops when done), then the rebuild.
            return await ResumeAsync(procedure, unfinished,
                [.. steps.Scale(primary, "primary-services", s => s.Live), steps.Dns(topology, toDr: false), .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
                $"{topology.StackName}'s DR replica is rebuilt: {dr.InstanceId} in {dr.Region} replicates {primary.InstanceId} again", Afterwards(topology, stamp), cancellationToken);
        }

        if (await PromotedByEarlierRunAsync(topology, repair, cancellationToken) is { } promoted)
        {
            // Killed after promoting the new primary: the promotion's wait, the switchover's steps after it, then the rebuild.
            return await ResumeAsync(procedure, promoted,
                [.. steps.Promote(primary.Region, primary.InstanceId).Select(s => s with { Name = $"{s.Name}-{primary.Region}" }), RecordNotPromoted(), .. steps.Scale(primary, "primary-services", s => s.Live), steps.Dns(topology, toDr: false), .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
                $"{topology.StackName} runs in {primary.Region} again, with a new replica in {dr.Region}", Afterwards(topology, stamp), cancellationToken);
        }

        string? drArn = null;
        DateTimeOffset writesStoppedAt = default;
        IReadOnlyList<DrStep> before =
        [
            new("check-dr-database", $"check that {dr.InstanceId} in {dr.Region} is the available, standalone primary", async t =>
            {
                var state = await ports.Database.DescribeAsync(dr.Region, dr.InstanceId, t);
                if (state?.IsAvailableStandalone != true)
                {
                    throw new DrStepException($"{dr.InstanceId} in {dr.Region} is {DbInstanceState.Shown(state)}; fail-back starts from an available standalone DR database");
                }

                drArn = state.Arn;
                return $"{dr.InstanceId} ({state.Arn}) is available and standalone";
            }),
            .. steps.NewReplica(primary, dr, $"{primary.InstanceId}-retired-{stamp}", () => drArn!, t => NewPrimaryMayExistAsync(topology, t), topology.Replica,
                t => repair.RecordedPlacementAsync(primary.InstanceId, t)),
            new("catch-up", $"wait until the new replica's lag is under the RPO target ({options.RpoTargetSeconds} s), then read both databases' WAL positions once", async t =>
            {
                var since = ports.Time.GetUtcNow();
                var lag = await steps.WaitForLagAsync(primary, options.RpoTargetSeconds, () => since, t);
                return $"{lag}; {await steps.CheckReplicationPositionsAsync(dr, primary, t)}";
            }),
        ];
        IReadOnlyList<DrStep> switchover =
        [
            .. steps.Scale(dr, "stop-writes", _ => ServiceCapacity.Stopped).Select((s, i) =>
                i == 0 ? s with { Description = $"stop writes: {s.Description}" } : s with { Run = async t => { var done = await s.Run(t); writesStoppedAt = ports.Time.GetUtcNow(); return done; } }),
            new("final-catch-up", $"wait until the new replica has applied every write: its replay position (pg_last_wal_replay_lsn) at or past " +
                $"where {dr.InstanceId}'s WAL ends once the writes stopped (pg_current_wal_lsn; {DrillReport.Duration(options.FinalCatchUp)} at most)",
                t => steps.WaitForFinalCatchUpAsync(dr, primary, writesStoppedAt, t)),
            .. steps.Promote(primary.Region, primary.InstanceId).Select(s => s with { Name = $"{s.Name}-{primary.Region}" }),
            // Before the primary's services start: while drPromoted is true the program fences them (infra/FailoverFence.cs),
            // so a `pulumi up` between the two would stop them again, and DNS would then move back to a primary with no tasks.
            RecordNotPromoted(),
            .. steps.Scale(primary, "primary-services", s => s.Live),
            steps.Dns(topology, toDr: false),
        ];
        var undo = new DrRecovery(
            switchover.Select(s => s.Name).ToHashSet(),
            [
                new("undo-record-promotion", "record the promotion (promoted: true) again in the release ledger's dr item", async t =>
                {
                    await ports.Ledger.RecordPromotedAsync(true, t);
                    return "the ledger's dr item says promoted: the stack stays failed over";
                }),
                steps.Fence(primary) with { Name = "undo-stop-primary-services" },
                .. steps.Scale(dr, "undo-restore-writes", s => s.Live),
                steps.Dns(topology, toDr: true) with { Name = "undo-switch-dns" },
            ],
            $"undone: writes are restored in {dr.Region} (its services run, the primary's are stopped, DNS and the ledger say failed over); " +
            $"{primary.InstanceId} in {primary.Region} is left as it is, and the next failback retires and replaces it");
        return await procedure.RunAsync([.. before, .. switchover, .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
            $"{topology.StackName} runs in {primary.Region} again, with a new replica in {dr.Region}",
            Afterwards(topology, stamp), NotificationSeverity.Info, cancellationToken, undo);
    }

    private DrStep RecordNotPromoted() => new("record-promotion", "record promoted: false in the release ledger's dr item, before the primary's services start and traffic moves back", async t =>
    {
        await ports.Ledger.RecordPromotedAsync(false, t);
        return "the ledger's dr item says not promoted: the program declares the original topology again";
    });

    private async Task<DrResult> ResumeAsync(
        DrProcedure procedure, string why, IReadOnlyList<DrStep> steps, string succeeded, IReadOnlyList<string> afterwards, CancellationToken cancellationToken)
    {
        await procedure.EventAsync("Resumed", why);
        return await procedure.RunAsync(steps, succeeded, afterwards, NotificationSeverity.Info, cancellationToken);
    }

    /// <summary>With drPromoted false and the DR replica in place: why the state repair is unfinished (or null), or why that could not be told.</summary>
    private static async Task<(string? Needed, string? Unreadable)> UnfinishedRepairAsync(StateRepair repair, CancellationToken cancellationToken)
    {
        try
        {
            return (await repair.NeededAsync(cancellationToken), null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (null, error.Message);
        }
    }

    /// <summary>
    /// With drPromoted true: a fail-back killed after it promoted the new primary left it standalone with the DR services
    /// stopped. It is told from the stale old primary (also standalone) by its resource id, which Pulumi's state does not
    /// record yet: the state still holds the instance that was renamed aside (or, before any fail-back, the original).
    /// </summary>
    private async Task<string?> PromotedByEarlierRunAsync(DrTopology topology, StateRepair repair, CancellationToken cancellationToken)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        var seen = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken);
        if (seen is not { ReplicaOf: null, ResourceId: not null } || await DrMayTakeWritesAsync(dr, cancellationToken) is not null) return null;
        return await repair.RecordsAsync(primary.InstanceId, seen.ResourceId, cancellationToken)
            ? null
            : $"{primary.InstanceId} in {primary.Region} is standalone, its resource id {seen.ResourceId} is not the one Pulumi's state records and the DR services are stopped: " +
              "a fail-back promoted it and stopped; resuming after the promotion";
    }

    /// <summary>After the switchover: the DR side becomes a new replica of the new primary, under its own identifier.</summary>
    private IEnumerable<DrStep> RebuildDr(DrTopology topology, DrSteps steps, string stamp, StateRepair repair)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        string? primaryArn = null;
        return
        [
            new("read-new-primary", $"check that {primary.InstanceId} in {primary.Region} is the available, standalone primary and read its ARN", async t =>
            {
                var state = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, t);
                if (state?.IsAvailableStandalone != true)
                {
                    throw new DrStepException($"{primary.InstanceId} in {primary.Region} is {DbInstanceState.Shown(state)}; the DR replica is rebuilt from an available standalone primary");
                }

                primaryArn = state.Arn;
                return primaryArn;
            }),
            .. steps.NewReplica(dr, primary, $"{dr.InstanceId}-retired-{stamp}", () => primaryArn!, t => DrMayTakeWritesAsync(dr, t), topology.Replica,
                t => repair.RecordedPlacementAsync(dr.InstanceId, t)),
        ];
    }

    /// <summary>A standalone DR instance is never renamed aside while the DR services run: it may be taking writes (e.g. after an undone switchover).</summary>
    private async Task<string?> DrMayTakeWritesAsync(DrRegionSide dr, CancellationToken cancellationToken)
    {
        foreach (var service in dr.Services)
        {
            if ((await ports.Services.DescribeAsync(dr.Region, dr.ClusterName, service.EcsServiceName, cancellationToken))?.Desired > 0)
            {
                return $"{service.EcsServiceName} in {dr.Region} runs tasks, so {dr.InstanceId} may be taking writes; it is not renamed. " +
                    "Check which database takes writes, then run failback again (README, Disaster recovery, Fail-back)";
            }
        }

        return null;
    }

    /// <summary>
    /// With drPromoted false, a fail-back that switched over but did not finish rebuilding the DR replica: the primary
    /// is standalone and the DR instance is not yet an available replica. Null for a stack that is simply not failed over.
    /// </summary>
    private async Task<string?> UnfinishedRebuildAsync(DrTopology topology, CancellationToken cancellationToken)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        var primaryState = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken);
        var drState = await ports.Database.DescribeAsync(dr.Region, dr.InstanceId, cancellationToken);
        if (primaryState?.ReplicaOf is not null || drState is { Status: "available", ReplicaOf: not null }) return null;
        return $"drPromoted is false but {dr.InstanceId} in {dr.Region} is {DbInstanceState.Shown(drState)}: " +
            "a fail-back switched over and did not finish rebuilding the DR replica; resuming there";
    }

    /// <summary>
    /// A standalone instance in the original region is the stale old primary only while the DR services still take
    /// writes; once a fail-back stopped them, it may be the new primary a failed run already promoted, which must never
    /// be renamed aside.
    /// </summary>
    private async Task<string?> NewPrimaryMayExistAsync(DrTopology topology, CancellationToken cancellationToken)
    {
        var dr = topology.Dr;
        foreach (var service in dr.Services)
        {
            if ((await ports.Services.DescribeAsync(dr.Region, dr.ClusterName, service.EcsServiceName, cancellationToken))?.Desired > 0) return null;
        }

        return $"the DR services are already stopped, so {topology.Primary.InstanceId} in {topology.Primary.Region} may be the primary a previous fail-back promoted; " +
            "it is not renamed. Check it, then finish by hand (README, Disaster recovery, Fail-back)";
    }

    /// <summary>What is left once fail-back is done (Pulumi's state, when its repair did not finish, is added by the procedure).</summary>
    private static IReadOnlyList<string> Afterwards(DrTopology topology, string stamp)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        return
        [
            $"The replaced instances are kept, renamed: {primary.InstanceId}-retired-{stamp} in {primary.Region} and {dr.InstanceId}-retired-{stamp} in {dr.Region}. " +
            "Delete them (with a final snapshot) once the data is checked.",
            topology.Replica is null
                ? "A replica is created with RDS's defaults (class of the source, single-AZ): the next `pulumi up` applies what the stack declares."
                : "The new replicas have the stack's instance class, Multi-AZ, parameter group, backup retention and deletion protection, as the program declares them.",
        ];
    }
}
