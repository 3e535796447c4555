using Infra.Runner.Drill;
using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// <c>failback</c>: moves the primary role back to the original region after a failover, in a planned switchover that
/// keeps every identifier (and so every endpoint name) the program and the services know. In the original region the
/// old primary is renamed aside and a new cross-region replica of the promoted DR database takes its identifier; once
/// it replays within the RPO target what the DR database writes (<see cref="RpoCatchUp"/>), the ledger's <c>dr</c> item says switching back (the program then declares both
/// regions' services stopped), the DR services stop (no more writes), the final catch-up is seen, the new replica is
/// promoted, the <c>dr</c> item says not promoted, the primary's services run and DNS moves back: the switchover. A
/// failure during it is undone (the <c>dr</c> item back to promoted, writes restored in the DR region, which stays
/// failed over) and the report says so. The DR side is then rebuilt the same way (old DR instance renamed, a new replica
/// of the new primary under the DR identifier); a run that stopped there is resumed by the next one, which finds the
/// <c>dr</c> item saying not promoted and no DR replica.
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
        var promotion = await ports.Ledger.ReadPromotionAsync(cancellationToken);
        if (promotion == PromotionState.NotPromoted)
        {
            // A run killed between record-promotion and clear-release-mark (or a failover stopped before its record-promotion) left the mark.
            IReadOnlyList<DrStep> unmark = await ports.Ledger.ReadReleaseMarkedAsync(cancellationToken) ? [steps.MarkRelease(promoted: false)] : [];
            if (await UnfinishedRebuildAsync(topology, repair, cancellationToken) is not { } unfinished)
            {
                var (needed, unreadable) = await UnfinishedRepairAsync(repair, cancellationToken);
                var notFailedOver = $"stack {topology.StackName} is not failed over (the release ledger's dr item says not promoted)";
                return (needed, unreadable) switch
                {
                    ({ } why, _) => await ResumeAsync(procedure, why, [.. unmark, .. repair.Steps()], $"{topology.StackName}'s Pulumi state points at the instances fail-back created", [], cancellationToken),
                    (_, { } error) => await procedure.RefuseAsync(
                        $"{notFailedOver}; whether Pulumi's state still needs fail-back's repair is unknown: it could not be read ({error}); nothing was changed", startedAt),
                    _ when unmark.Count > 0 => await ResumeAsync(procedure, $"{notFailedOver} but the release documents still carry the promotion mark", unmark,
                        $"{topology.StackName}'s release documents no longer carry the promotion mark", [], cancellationToken),
                    _ => await procedure.NothingToDoAsync($"{notFailedOver} and no earlier fail-back is unfinished; nothing was changed", startedAt),
                };
            }

            if (await DrMayTakeWritesAsync(dr, cancellationToken) is { } writes)
            {
                return await procedure.RefuseAsync($"the release ledger's dr item says not promoted but {writes}; nothing was changed", startedAt);
            }

            // The switchover's last steps again (both no-ops when done), then the rebuild.
            return await ResumeAsync(procedure, unfinished,
                [.. unmark, .. steps.Scale(primary, "primary-services", s => s.Live), steps.Dns(topology, toDr: false), .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
                $"{topology.StackName}'s DR replica is rebuilt: {dr.InstanceId} in {dr.Region} replicates {primary.InstanceId} again", Afterwards(topology, stamp), cancellationToken);
        }

        if (await PromotedByEarlierRunAsync(topology, repair, cancellationToken) is { } promoted)
        {
            // Killed after promoting the new primary: the promotion's wait, the switchover's steps after it, then the rebuild.
            // Switching back first (a no-op when the run recorded it), so a `pulumi up` meanwhile starts neither region's services.
            return await ResumeAsync(procedure, promoted,
                [RecordSwitchingBack(), .. steps.Promote(primary.Region, primary.InstanceId).Select(s => s with { Name = $"{s.Name}-{primary.Region}" }), RecordNotPromoted(), .. steps.Scale(primary, "primary-services", s => s.Live), steps.Dns(topology, toDr: false), steps.MarkRelease(promoted: false), .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
                $"{topology.StackName} runs in {primary.Region} again, with a new replica in {dr.Region}", Afterwards(topology, stamp), cancellationToken);
        }

        // Only the switchover's first step records switching back, once the new replica has caught up: a run that stopped
        // after it resumes at the switchover, under its undo, and does not run the catch-up again. With the DR services
        // stopped nothing writes, so there is no RPO to keep: the final catch-up proves the replica holds every write.
        var resumesSwitchover = promotion == PromotionState.SwitchingBack;
        string? drArn = null;
        DateTimeOffset writesStoppedAt = default;
        IReadOnlyList<DrStep> before = resumesSwitchover ? [] :
        [
            // Failover's fence is best effort: a primary region it could not reach restarts its services at their old counts
            // when it comes back, and they write to the stale old primary this run renames aside. Now that region must answer.
            steps.StopRunning(primary, "stop-primary-services",
                $"stop any service in {primary.ClusterName} ({primary.Region}) still running tasks: they would write to the old primary"),
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
            new("catch-up", $"wait until the new replica replays, within the RPO target ({options.RpoTargetSeconds} s), everything {dr.InstanceId} had written: " +
                $"its replay position (pg_last_wal_replay_lsn) at or past {dr.InstanceId}'s WAL end (pg_current_wal_lsn) read just before ({DrillReport.Duration(options.Replica)} at most)",
                t => steps.WaitForCatchUpAsync(dr, primary, options.RpoTargetSeconds, t)),
        ];
        IReadOnlyList<DrStep> switchover =
        [
            // Before the DR services stop: from here until record-promotion the program declares both regions' services
            // stopped, so a `pulumi up` during the final catch-up or after the promotion starts neither.
            RecordSwitchingBack(),
            .. steps.Scale(dr with { Services = dr.Writers }, "stop-writes", _ => ServiceCapacity.Stopped).Select((s, i) =>
                i == 0 ? s with { Description = $"stop writes: {s.Description}" } : s with { Run = async t => { var done = await s.Run(t); writesStoppedAt = ports.Time.GetUtcNow(); return done; } }),
            new("final-catch-up", $"wait until the new replica has applied every write: its replay position (pg_last_wal_replay_lsn) at or past " +
                $"where {dr.InstanceId}'s WAL ends once the writes stopped (pg_current_wal_lsn; {DrillReport.Duration(options.FinalCatchUp)} at most)",
                t => steps.WaitForFinalCatchUpAsync(dr, primary, writesStoppedAt, t)),
            .. steps.Promote(primary.Region, primary.InstanceId).Select(s => s with { Name = $"{s.Name}-{primary.Region}" }),
            // Before the primary's services start: while the dr item says promoted the program fences them (infra/FailoverFence.cs),
            // so a `pulumi up` between the two would stop them again, and DNS would then move back to a primary with no tasks.
            RecordNotPromoted(),
            .. steps.Scale(primary, "primary-services", s => s.Live),
            steps.Dns(topology, toDr: false),
        ];
        var routed = new DrRoutedColors(ports.Routes, dr);
        var undo = new DrRecovery(
            switchover.Select(s => s.Name).ToHashSet(),
            [
                steps.MarkRelease(promoted: true) with { Name = "undo-mark-release" },
                // Before the DR services start again: while the dr item says switching back, a `pulumi up` would stop them.
                new("undo-record-promotion", "record the promotion (promoted: true, not switching back) again in the release ledger's dr item", async t =>
                {
                    await ports.Ledger.RecordPromotionAsync(PromotionState.Promoted, t);
                    return "the ledger's dr item says promoted: the stack stays failed over";
                }),
                steps.Fence(primary) with { Name = "undo-stop-primary-services" },
                // The colors failover would scale: a DR listener a failed tier update left on the old color answers 503 without it.
                routed.Read() with { Name = "undo-read-dr-routes" },
                .. steps.Scale(dr, () => routed.Services, "undo-restore-writes", s => s.Live, routed.Described),
                steps.Dns(topology, toDr: true) with { Name = "undo-switch-dns" },
            ],
            $"undone: writes are restored in {dr.Region} (its services run, the primary's are stopped, DNS and the ledger say failed over); " +
            $"{primary.InstanceId} in {primary.Region} is left as it is, and the next failback retires and replaces it");
        if (resumesSwitchover)
        {
            await procedure.EventAsync("Resumed", "the release ledger's dr item says switching back: an earlier fail-back stopped in the switchover, after its new replica " +
                "caught up; resuming at the switchover, whose failures are undone");
        }

        // Outside the undo: once the dr item says not promoted, older code reads the truth from the release documents, so a
        // failed clear must not undo a finished switchover; the next run clears a mark left behind.
        return await procedure.RunAsync([.. before, .. switchover, steps.MarkRelease(promoted: false), .. RebuildDr(topology, steps, stamp, repair), .. repair.Steps()],
            $"{topology.StackName} runs in {primary.Region} again, with a new replica in {dr.Region}",
            Afterwards(topology, stamp), NotificationSeverity.Info, cancellationToken, undo);
    }

    private DrStep RecordNotPromoted() => new("record-promotion", "record promoted: false in the release ledger's dr item, before the primary's services start and traffic moves back", async t =>
    {
        await ports.Ledger.RecordPromotionAsync(PromotionState.NotPromoted, t);
        return "the ledger's dr item says not promoted: the program declares the original topology again";
    });

    private DrStep RecordSwitchingBack() => new("record-switching-back",
        "record switching back (still promoted) in the release ledger's dr item, before the DR services stop: the program then declares both regions' services stopped", async t =>
        {
            if (await ports.Ledger.ReadPromotionAsync(t) == PromotionState.SwitchingBack) return "the ledger's dr item already says switching back";
            await ports.Ledger.RecordPromotionAsync(PromotionState.SwitchingBack, t);
            return "the ledger's dr item says switching back: a `pulumi up` now declares no task in either region";
        });

    private async Task<DrResult> ResumeAsync(
        DrProcedure procedure, string why, IReadOnlyList<DrStep> steps, string succeeded, IReadOnlyList<string> afterwards, CancellationToken cancellationToken)
    {
        await procedure.EventAsync("Resumed", why);
        return await procedure.RunAsync(steps, succeeded, afterwards, NotificationSeverity.Info, cancellationToken);
    }

    /// <summary>With the dr item saying not promoted and the DR replica in place: why the state repair is unfinished (or null), or why that could not be told.</summary>
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
    /// With the dr item saying promoted or switching back: a fail-back killed after it promoted the new primary left it standalone with the DR services
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
        foreach (var service in dr.Writers)
        {
            if (await ports.Services.DescribeAsync(dr.Region, dr.ClusterName, service.EcsServiceName, cancellationToken) is { } counts && (counts.Desired > 0 || counts.Running > 0))
            {
                return $"{service.EcsServiceName} in {dr.Region} runs tasks, so {dr.InstanceId} may be taking writes; it is not renamed. " +
                    "Check which database takes writes, then run failback again (README, Disaster recovery, Fail-back)";
            }
        }

        return null;
    }

    /// <summary>
    /// With the dr item saying not promoted, a fail-back that switched over but did not finish rebuilding the DR replica: the primary
    /// is standalone and the DR instance is not yet an available replica with its parameter group set and applied.
    /// Null for a stack that is simply not failed over.
    /// </summary>
    private async Task<string?> UnfinishedRebuildAsync(DrTopology topology, StateRepair repair, CancellationToken cancellationToken)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        var primaryState = await ports.Database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken);
        var drState = await ports.Database.DescribeAsync(dr.Region, dr.InstanceId, cancellationToken);
        if (primaryState?.ReplicaOf is not null) return null;
        if (drState is { Status: "available", ReplicaOf: not null } && !await ParameterGroupUnsetAsync(dr.InstanceId, drState, repair, cancellationToken)) return null;
        var parameters = drState is { Status: "available", ReplicaOf: not null } ? $" on parameter group {drState.Placement?.ParameterGroupName} ({drState.ParameterApplyStatus})" : "";
        return $"the release ledger's dr item says not promoted but {dr.InstanceId} in {dr.Region} is {DbInstanceState.Shown(drState)}{parameters}: " +
            "a fail-back switched over and did not finish rebuilding the DR replica; resuming there";
    }

    /// <summary>
    /// A fail-back creates the DR replica on RDS's default parameter group, then sets the program's and reboots. Still on
    /// the default, it stopped before that; with the group not in sync, it stopped before the reboot only if the instance is one
    /// Pulumi's state does not record yet (a group change of the program's own also leaves a replica pending a reboot,
    /// and that is no fail-back's to apply). A state that cannot be read counts as recorded: the repair check then refuses.
    /// </summary>
    private static async Task<bool> ParameterGroupUnsetAsync(string instanceId, DbInstanceState replica, StateRepair repair, CancellationToken cancellationToken)
    {
        if (replica.Placement?.ParameterGroupName is { } name && name.StartsWith(DbInstanceState.DefaultParameterGroupPrefix, StringComparison.Ordinal)) return true;
        if (replica.ParameterApplyStatus is null or "in-sync") return false;
        try
        {
            return !await repair.RecordsAsync(instanceId, replica.ResourceId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A standalone instance in the original region is the stale old primary only while the DR services still take
    /// writes; once a fail-back stopped them, it may be the new primary a failed run already promoted, which must never
    /// be renamed aside.
    /// </summary>
    private async Task<string?> NewPrimaryMayExistAsync(DrTopology topology, CancellationToken cancellationToken)
    {
        var dr = topology.Dr;
        foreach (var service in dr.Writers)
        {
            if (await ports.Services.DescribeAsync(dr.Region, dr.ClusterName, service.EcsServiceName, cancellationToken) is { } counts && (counts.Desired > 0 || counts.Running > 0)) return null;
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
            .. topology.HealthCheckId is null ? Array.Empty<string>() :
            [
                "Run `pulumi up`: an update while failed over made the SECONDARY DNS record ignore the DR load balancer's health, and until the next one " +
                "a failing primary probe would send clients to the pilot light.",
            ],
        ];
    }
}
