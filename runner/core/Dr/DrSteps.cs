using Infra.Runner.Drill;

namespace Infra.Runner.Dr;

/// <summary>The steps failover and fail-back share: promote and wait, mark the release, scale and wait, move DNS, make a new replica.</summary>
public sealed class DrSteps(DrPorts ports, DrOptions options)
{
    /// <summary>
    /// Promotes the replica (skipped when it already is standalone, so a re-run goes on), then waits until it takes writes.
    /// With <paramref name="promoted"/> (failover's), the replica's resource id is recorded before the promote call, and a
    /// standalone instance is skipped only if it is the one recorded; fail-back tells its own earlier promotion apart itself.
    /// A promote call that got no answer, or whose answer may be a retry's (<see cref="PromotionMaybeTakenException"/>), is
    /// settled by watching RDS (<see cref="UnansweredPromote"/>).
    /// </summary>
    public IEnumerable<DrStep> Promote(string region, string instanceId, PromotedReplica? promoted = null) =>
    [
        new("promote-database", $"promote the read replica {instanceId} in {region} (RDS PromoteReadReplica)", async t =>
        {
            var state = await ports.Database.DescribeAsync(region, instanceId, t)
                ?? throw new DrStepException($"there is no DB instance {instanceId} in {region}");
            if (state.ReplicaOf is null && promoted is null) return $"{instanceId} is already standalone ({state.Status}); nothing to promote";
            if (state.ReplicaOf is null)
            {
                return await promoted!.RefusalAsync(state, t) is { } refusal
                    ? throw new DrStepException($"{refusal}; it was not promoted. {promoted.FinishFailback}")
                    : PromotedReplica.AlreadyPromoted(instanceId, state);
            }

            if (promoted is not null) await promoted.RecordAsync(state, t);
            try
            {
                await ports.Database.PromoteAsync(region, instanceId, t);
            }
            catch (Exception error) when (error is not PromotionRefusedException && (error is not OperationCanceledException || !t.IsCancellationRequested))
            {
                return await new UnansweredPromote(ports, options, region, instanceId).SettleAsync(error, t);
            }

            return $"PromoteReadReplica accepted for {instanceId} (was a replica of {state.ReplicaOf})";
        }),
        new("wait-database", $"wait until {instanceId} is available and no longer a replica", async t =>
        {
            var state = await DrWait.UntilAsync(ports.Time, options.Poll, options.Promote, $"{instanceId} becoming available and standalone",
                async c =>
                {
                    var seen = await ports.Database.DescribeAsync(region, instanceId, c);
                    return (seen?.IsAvailableStandalone == true, seen, DbInstanceState.Shown(seen));
                }, t);
            return $"{instanceId} is available and standalone at {state!.Address ?? "(no endpoint yet)"}";
        }),
    ];

    /// <summary>
    /// Sets (failover, before the <c>dr</c> item says promoted) or clears (fail-back, right after it says not promoted) the
    /// release documents' promotion mark. Code older than the <c>dr</c> item reads only the release's <c>drPromoted</c>,
    /// which failover no longer writes; the mark is a key it refuses, so it stops instead of demoting the stack.
    /// </summary>
    public DrStep MarkRelease(bool promoted) => promoted
        ? new("mark-release", "mark the release documents promoted (drPromotedPerDrItem), so code older than the dr item stops instead of demoting the stack",
            t => ports.Ledger.MarkReleasePromotedAsync(true, t))
        : new("clear-release-mark", "clear the release documents' promotion mark (drPromotedPerDrItem), now that the dr item says not promoted",
            t => ports.Ledger.MarkReleasePromotedAsync(false, t));

    /// <summary>
    /// Gives each service its <paramref name="capacity"/> (autoscaling range first, then the desired count), then waits
    /// for the running counts.
    /// </summary>
    public IEnumerable<DrStep> Scale(DrRegionSide side, string name, Func<DrService, ServiceCapacity> capacity) =>
        Scale(side, () => side.Services, name, capacity, string.Join(", ", side.Services.Select(s => $"{s.EcsServiceName} to {capacity(s)}")));

    /// <summary>
    /// <see cref="Scale(DrRegionSide, string, Func{DrService, ServiceCapacity})"/> of services known only when the steps
    /// run (<paramref name="services"/>; failover's, once it has read what the DR load balancer forwards to), described as <paramref name="described"/>.
    /// </summary>
    public IEnumerable<DrStep> Scale(
        DrRegionSide side, Func<IReadOnlyList<DrService>> services, string name, Func<DrService, ServiceCapacity> capacity, string described) =>
    [
        new($"scale-{name}",
            $"scale {described} in {side.ClusterName} ({side.Region}; Application Auto Scaling RegisterScalableTarget, then ECS UpdateService)",
            async t =>
            {
                foreach (var service in services()) await ports.Services.ScaleAsync(side.Region, side.ClusterName, service.EcsServiceName, capacity(service), t);
                return $"{services().Count} service(s) updated";
            }),
        new($"wait-{name}", $"wait until every service in {side.ClusterName} runs its desired count", async t =>
        {
            foreach (var service in services()) await WaitForRunningAsync(side, service, capacity(service).Desired, t);
            return $"every service runs its desired count in {side.Region}";
        }),
    ];

    /// <summary>
    /// Stops (autoscaling 0..0) each service of <paramref name="side"/>, every color, that still runs or wants a task, and
    /// waits until none runs; services already at 0 are left untouched. Unlike <see cref="Fence"/>, the region must answer.
    /// </summary>
    public DrStep StopRunning(DrRegionSide side, string name, string description) => new(name, description, async t =>
    {
        var stopped = new List<string>();
        foreach (var service in side.Writers)
        {
            var counts = await CountsAsync(side, service, t);
            if (counts is { Desired: 0, Running: 0 }) continue;
            await ports.Services.ScaleAsync(side.Region, side.ClusterName, service.EcsServiceName, ServiceCapacity.Stopped, t);
            await WaitForRunningAsync(side, service, 0, t);
            stopped.Add($"{service.EcsServiceName} (was {counts.Running} running of {counts.Desired} desired)");
        }

        return stopped.Count == 0 ? "none runs a task" : $"stopped {string.Join(", ", stopped)}";
    });

    private Task<ServiceCounts> WaitForRunningAsync(DrRegionSide side, DrService service, int target, CancellationToken cancellationToken) =>
        DrWait.UntilAsync(ports.Time, options.Poll, options.Services, $"{service.EcsServiceName} running {target} task(s)", async c =>
        {
            var counts = await CountsAsync(side, service, c);
            return (counts.Running == target, counts, $"{counts.Running} running of {counts.Desired} desired");
        }, cancellationToken);

    private async Task<ServiceCounts> CountsAsync(DrRegionSide side, DrService service, CancellationToken cancellationToken) =>
        await ports.Services.DescribeAsync(side.Region, side.ClusterName, service.EcsServiceName, cancellationToken)
        ?? throw new DrStepException($"there is no active ECS service {service.EcsServiceName} in cluster {side.ClusterName} ({side.Region})");

    /// <summary>
    /// Best effort, before the promotion: the fence of <see cref="Fence(DrRegionSide)"/>, so a primary still up (failover forced, a
    /// drill) takes no writes in the minutes the DR services start and DNS moves, writes the promoted copy would never see.
    /// </summary>
    public DrStep FenceBeforePromotion(DrRegionSide primary) =>
        Fence(primary, "fence-primary-first", "before the DR database is promoted, so the old primary takes no writes the promoted copy would miss");

    /// <summary>
    /// Best effort: stops the old primary region's services, every color (autoscaling pinned to 0 too, or it would start them again)
    /// so that, if that region is still partly up, nothing keeps writing to the old primary database. Its API not
    /// answering is expected in a regional outage and is reported, not a failure.
    /// </summary>
    public DrStep Fence(DrRegionSide primary) => Fence(primary, "fence-primary", "so nothing writes to the old primary");

    /// <summary>
    /// Every service at once, so a region that does not answer costs one call timeout of the adapter, however many
    /// services it runs, before the next step.
    /// </summary>
    private DrStep Fence(DrRegionSide primary, string name, string why) => new(
        name, $"best effort: scale the services in {primary.ClusterName} ({primary.Region}) to 0 {why}", async t =>
        {
            var outcomes = await Task.WhenAll(primary.Writers.Select(async service =>
            {
                try
                {
                    await ports.Services.ScaleAsync(primary.Region, primary.ClusterName, service.EcsServiceName, ServiceCapacity.Stopped, t);
                    return $"{service.EcsServiceName} set to 0";
                }
                catch (Exception error) when (error is not OperationCanceledException || !t.IsCancellationRequested)
                {
                    return $"{service.EcsServiceName} not reached ({error.Message})";
                }
            }));
            return string.Join("; ", outcomes);
        });

    /// <summary>Holds (or releases) the PRIMARY record's health check unhealthy; a stack without DNS failover records skips it, saying so.</summary>
    public DrStep Dns(DrTopology topology, bool toDr) => new(
        "switch-dns",
        toDr
            ? "hold the Route 53 health check on the primary failover record unhealthy, so the failover records answer with the DR region"
            : "release the Route 53 health check on the primary failover record to follow the primary's probe, so the failover records answer with the primary region",
        async t =>
        {
            if (topology.HealthCheckId is not { } id)
            {
                return "the stack declares no Route 53 failover records (infra:dr.dns): clients must be pointed at the other region's URL by hand";
            }

            await ports.Dns.SetPrimaryHeldUnhealthyAsync(id, toDr, t);
            return $"health check {id} held unhealthy: {(toDr ? "true" : "false")}";
        });

    /// <summary>
    /// Makes <paramref name="target"/>'s instance a new replica of <paramref name="source"/>'s: an instance already
    /// holding that identifier is renamed to <paramref name="retiredId"/> first (keeping its data, and freeing the
    /// identifier, hence the endpoint name the services and the program know), then the replica is created where that
    /// instance was (its KMS key, subnet group and security groups, read from RDS) and waited for. Its parameter group
    /// (that instance's, the program's) is set only then, and applied by a reboot: RDS refuses one on
    /// CreateDBInstanceReadReplica for a cross-region PostgreSQL replica. A replica of the source already there (a
    /// re-run) is kept. <paramref name="unsafeToRetire"/> (optional) names a reason not to rename a standalone
    /// instance. A run stopped after the rename left no instance to read the placement from; the next one takes it from
    /// <paramref name="recordedPlacement"/> (Pulumi's record of the instance renamed aside), never a guess.
    /// </summary>
    public IEnumerable<DrStep> NewReplica(
        DrRegionSide target, DrRegionSide source, string retiredId, Func<string> sourceArn, Func<CancellationToken, Task<string?>>? unsafeToRetire = null,
        ReplicaSettings? settings = null, Func<CancellationToken, Task<DbPlacement?>>? recordedPlacement = null)
    {
        DbPlacement? placement = null;
        async Task<DbPlacement?> ReplacedAsync(CancellationToken t) => placement ?? (recordedPlacement is null ? null : await recordedPlacement(t));
        async Task<string> WantedParameterGroupAsync(CancellationToken t) => (await ReplacedAsync(t))?.ParameterGroupName ?? throw new DrStepException(
            $"neither RDS nor Pulumi's state names the parameter group of the instance {target.InstanceId} replaces in {target.Region}; " +
            $"set the program's group on {target.InstanceId} by hand (aws rds modify-db-instance --db-instance-identifier {target.InstanceId} " +
            "--db-parameter-group-name <group> --apply-immediately, then reboot it) and run failback again");
        IEnumerable<DrStep> configure = settings is null ? [] :
        [
            new($"backups-{target.Region}", $"set {target.InstanceId}'s backup retention to {settings.BackupRetentionDays} days (RDS ModifyDBInstance, at once)", async t =>
            {
                await ports.Database.SetBackupRetentionAsync(target.Region, target.InstanceId, settings.BackupRetentionDays, t);
                return $"{target.InstanceId} keeps automated backups {settings.BackupRetentionDays} days, as the program declares";
            }),
        ];
        return
        [
            new($"retire-{target.Region}", $"rename any standalone {target.InstanceId} in {target.Region} to {retiredId} (RDS ModifyDBInstance)", async t =>
            {
                var existing = await ports.Database.DescribeAsync(target.Region, target.InstanceId, t);
                if (existing is null) return $"no {target.InstanceId} in {target.Region}; nothing to retire";
                if (existing.ReplicaOf is not null) return $"{target.InstanceId} is already a replica of {existing.ReplicaOf}; kept";
                if (unsafeToRetire is not null && await unsafeToRetire(t) is { } reason) throw new DrStepException(reason);
                placement = existing.Placement;
                await ports.Database.RenameAsync(target.Region, target.InstanceId, retiredId, t);
                await DrWait.UntilAsync(ports.Time, options.Poll, options.Promote, $"{target.InstanceId} being renamed to {retiredId}", async c =>
                {
                    var seen = await ports.Database.DescribeAsync(target.Region, target.InstanceId, c);
                    return (seen is null, true, DbInstanceState.Shown(seen));
                }, t);
                return $"{target.InstanceId} renamed to {retiredId} (its data is kept; delete it once the new topology is checked)";
            }),
            new($"create-replica-{target.Region}", $"create {target.InstanceId} in {target.Region} as a read replica of {source.InstanceId} ({source.Region}; RDS CreateDBInstanceReadReplica)", async t =>
            {
                var existing = await ports.Database.DescribeAsync(target.Region, target.InstanceId, t);
                if (existing?.ReplicaOf is not null) return $"{target.InstanceId} already replicates {existing.ReplicaOf}";
                var where = await ReplacedAsync(t) ?? throw new DrStepException(
                    $"no instance {target.InstanceId} was found in {target.Region} to take the KMS key, subnet group and security groups from, nor in Pulumi's state; " +
                    $"create the replica by hand (README, Disaster recovery, Fail-back) and run failback again");
                await ports.Database.CreateReplicaAsync(new ReplicaRequest(target.Region, target.InstanceId, sourceArn(), source.Region, where, settings), t);
                return $"CreateDBInstanceReadReplica accepted: {target.InstanceId} from {sourceArn()} with KMS key {where.KmsKeyId}, subnet group {where.SubnetGroupName}, " +
                    $"security groups {string.Join(", ", where.SecurityGroupIds)}, on RDS's default parameter group until it is available" +
                    (settings is null ? "" : $"; {settings.InstanceClass}, Multi-AZ {(settings.MultiAz ? "on" : "off")}, deletion protection {(settings.DeletionProtection ? "on" : "off")}");
            }),
            new($"wait-replica-{target.Region}", $"wait until the replica {target.InstanceId} is available", async t =>
            {
                await DrWait.UntilAsync(ports.Time, options.Poll, options.Replica, $"{target.InstanceId} becoming an available replica", async c =>
                {
                    var seen = await ports.Database.DescribeAsync(target.Region, target.InstanceId, c);
                    return (seen is { Status: "available", ReplicaOf: not null }, true, DbInstanceState.Shown(seen));
                }, t);
                return $"{target.InstanceId} is an available replica";
            }),
            new($"parameter-group-{target.Region}", $"give {target.InstanceId} the parameter group of the instance it replaces (RDS ModifyDBInstance, at once)", async t =>
            {
                var wanted = await WantedParameterGroupAsync(t);
                var current = await ports.Database.DescribeAsync(target.Region, target.InstanceId, t);
                if (current?.Placement?.ParameterGroupName == wanted) return $"{target.InstanceId} already has parameter group {wanted} ({current.ParameterApplyStatus})";
                await ports.Database.SetParameterGroupAsync(target.Region, target.InstanceId, wanted, t);
                return $"{target.InstanceId} moves from parameter group {current?.Placement?.ParameterGroupName ?? "(none)"} to {wanted}";
            }),
            new($"apply-parameter-group-{target.Region}", $"apply {target.InstanceId}'s parameter group: reboot it (RDS RebootDBInstance) if RDS says pending-reboot, and wait until it is available and in sync", async t =>
            {
                var wanted = await WantedParameterGroupAsync(t);
                var settled = await UntilParameterGroupSettlesAsync(target, wanted, rebooted: false, t);
                if (settled.ParameterApplyStatus == "in-sync") return $"{target.InstanceId}'s parameter group {wanted} is in sync";
                await ports.Database.RebootAsync(target.Region, target.InstanceId, t);
                await UntilParameterGroupSettlesAsync(target, wanted, rebooted: true, t);
                return $"{target.InstanceId} rebooted; its parameter group {wanted} is in sync";
            }),
            .. configure,
        ];
    }

    /// <summary>
    /// Waits until the instance is available on <paramref name="wanted"/> with the group no longer being applied: in sync,
    /// or before a reboot also pending one. RDS's describe lags its modify and reboot calls (a look right after either can
    /// still show the old group in sync, or the group pending a reboot just made), so only the wanted group counts, and
    /// after the reboot only in-sync does.
    /// </summary>
    private async Task<DbInstanceState> UntilParameterGroupSettlesAsync(DrRegionSide target, string wanted, bool rebooted, CancellationToken cancellationToken) =>
        (await DrWait.UntilAsync(ports.Time, options.Poll, options.Replica,
            $"{target.InstanceId} available with parameter group {wanted} {(rebooted ? "in sync after its reboot" : "applied or pending a reboot")}", async c =>
        {
            var seen = await ports.Database.DescribeAsync(target.Region, target.InstanceId, c);
            var settled = seen is { Status: "available" } && seen.Placement?.ParameterGroupName == wanted
                && (seen.ParameterApplyStatus == "in-sync" || (!rebooted && seen.ParameterApplyStatus == "pending-reboot"));
            return (settled, seen, seen is null ? "missing" : $"{seen.Status}, parameter group {seen.Placement?.ParameterGroupName} {seen.ParameterApplyStatus}");
        }, cancellationToken))!;

    /// <summary>
    /// Fail-back's catch-up before anything stops: <paramref name="replica"/>'s database must replay, within
    /// <paramref name="rpoTargetSeconds"/>, what <paramref name="source"/>'s had written (<see cref="RpoCatchUp"/>).
    /// Bounded by <see cref="DrOptions.Replica"/>; a runner that cannot read either database fails at once, while writes go on.
    /// </summary>
    public async Task<string> WaitForCatchUpAsync(DrRegionSide source, DrRegionSide replica, double rpoTargetSeconds, CancellationToken cancellationToken) =>
        await RpoCatchUp.WaitAsync(Positions(), await AddressAsync(source, cancellationToken), await AddressAsync(replica, cancellationToken),
            TimeSpan.FromSeconds(rpoTargetSeconds), ports.Time, options.Poll, options.Replica, cancellationToken);

    /// <summary>
    /// Fail-back's last look before the switchover, once nothing writes (<paramref name="writesStoppedAt"/>): the new
    /// replica must replay up to where the source's WAL ends (<see cref="ReplayCatchUp"/>). Bounded by <see cref="DrOptions.FinalCatchUp"/>.
    /// </summary>
    public async Task<string> WaitForFinalCatchUpAsync(DrRegionSide source, DrRegionSide replica, DateTimeOffset writesStoppedAt, CancellationToken cancellationToken)
    {
        var caughtUp = await ReplayCatchUp.WaitAsync(Positions(), await AddressAsync(source, cancellationToken), await AddressAsync(replica, cancellationToken),
            ports.Time, options.Poll, options.FinalCatchUp, cancellationToken);
        return $"{caughtUp}; {DrillReport.Duration(ports.Time.GetUtcNow() - writesStoppedAt)} after the writes stopped";
    }

    private IReplicationPosition Positions() => ports.Positions ?? throw new DrStepException(
        "this runner has no SQL access to the databases, and fail-back's catch-ups are proven by their WAL positions");

    /// <summary>The instance's endpoint address, as RDS describes it (DescribeDBInstances Endpoint.Address); the port is the credentials'.</summary>
    private async Task<DatabaseAddress> AddressAsync(DrRegionSide side, CancellationToken cancellationToken)
    {
        var state = await ports.Database.DescribeAsync(side.Region, side.InstanceId, cancellationToken);
        return state?.Address is { Length: > 0 } address
            ? new DatabaseAddress($"{side.InstanceId} in {side.Region}", address)
            : throw new DrStepException($"{side.InstanceId} in {side.Region} is {DbInstanceState.Shown(state)} and has no endpoint address to read its WAL position at");
    }
}
