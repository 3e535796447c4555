using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// Two regions of AWS as failover and fail-back see them, in memory: RDS instances that take one look to finish a
/// promotion, creation, rename, parameter group change or reboot (a new replica starts on RDS's default parameter group,
/// a changed group is pending-reboot until the reboot, and the look right after a change or a reboot still shows the
/// instance as it was); ECS services whose running count follows the desired count one look later; a Route 53
/// health check; the databases' WAL positions over SQL (a replica replays one look behind its source, or a set time
/// behind); the DR load balancer's weights (by listener or rule ARN); the ledger (the dr item's promotion and the
/// release documents' mark) and the pager.
/// A region can be made unreachable (every call throws, as a timed-out SDK call does), a region's databases unreachable
/// over SQL, and any operation can be made to fail or never finish. PromoteReadReplica is answered as RDS answers it, shows
/// the source while the instance is modifying, and can be taken by RDS after its call got no answer or before the SDK's
/// retry of it was answered InvalidDBInstanceState. Every call is recorded.
/// Each instance has a resource id (DbiResourceId) that a rename keeps (its ARN follows the new name); <see cref="State"/> is
/// Pulumi's state of the stack. The primary's automated backups are replicated to the DR region (production): replication
/// follows the instance through a rename, and RDS refuses to start it twice or to stop what does not replicate.
/// </summary>
internal sealed class DrWorld : IDrDatabase, IDrServices, IDnsSwitch, IHealthProbe, IReplicationPosition, IDrLedger, INotifier, IDrRoutes
{
    public const string Primary = "eu-west-1";
    public const string Dr = "eu-central-1";
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly DrTopology Topology = new("production",
        new DrRegionSide(Primary, "production-db", "production",
            [new DrService("web", "production-web-blue", 3, 3, 12)]),
        new DrRegionSide(Dr, "production-db-replica", "production-dr",
            [new DrService("web", "production-dr-web-blue", 3, 3, 12)])
        {
            Routes = [new DrRoute("web", new TrafficRoute(TrafficRouteKind.Listener, DrListenerArn, DrBlueTargetGroup, DrGreenTargetGroup),
                new DrService("web", "production-dr-web-blue", 3, 3, 12), new DrService("web", "production-dr-web-green", 3, 3, 12))],
        },
        "hc-1", "https://primary.example.com/healthz");

    public const string DrListenerArn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/production-dr/1/2";
    public const string DrBlueTargetGroup = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/dr-web-blue/3";
    public const string DrGreenTargetGroup = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/dr-web-green/4";

    public DrWorld()
    {
        Instances[(Primary, "production-db")] = new Instance("available", Arn(Primary, "production-db"), null, ResourceId: PrimaryResourceId, Backups: OriginalBackups);
        Backups[OriginalBackups] = new ReplicatedBackups(Arn(Primary, "production-db"), "arn:aws:kms:eu-central-1:123456789012:key/d", 14);
        Instances[(Dr, "production-db-replica")] = new Instance("available", Arn(Dr, "production-db-replica"), "production-db", ResourceId: DrResourceId);
        State = new DrWorldState(this);
        Services[(Primary, "production-web-blue")] = new Counts(3, 3);
        Services[(Dr, "production-dr-web-blue")] = new Counts(0, 0);
        Services[(Dr, "production-dr-web-green")] = new Counts(0, 0);
        Forwarding[DrListenerArn] = TrafficWeights.AllTo(DeployColor.Blue);
    }

    /// <summary>What each DR listener or rule forwards with, by ARN; one not listed does not exist.</summary>
    public Dictionary<string, TrafficWeights> Forwarding { get; } = [];

    /// <summary>The world after a failover whose primary region came back: its old primary is standalone and stale.</summary>
    public static DrWorld FailedOver()
    {
        var world = new DrWorld { Promoted = true, ReleaseMarked = true, PromotedResourceId = DrResourceId };
        world.Instances[(Dr, "production-db-replica")] = world.Instances[(Dr, "production-db-replica")] with { ReplicaOf = null };
        world.Services[(Dr, "production-dr-web-blue")] = new Counts(3, 3);
        world.Services[(Primary, "production-web-blue")] = new Counts(0, 0);
        return world;
    }

    public const string PrimaryResourceId = "db-PRIMARYORIGINAL";
    public const string DrResourceId = "db-REPLICAORIGINAL";

    /// <summary>The original primary's automated backups, replicated to the DR region.</summary>
    public const string OriginalBackups = "arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-ORIGINAL";

    /// <summary>Automated backups replicated to the DR region: the source ARN when started, the key, the retention, and whether still replicating (else retained).</summary>
    public sealed record ReplicatedBackups(string SourceArn, string? KmsKeyId, int? RetentionDays, bool Replicating = true);

    /// <summary>Replicated backups by ARN.</summary>
    public Dictionary<string, ReplicatedBackups> Backups { get; } = [];

    /// <summary>
    /// An instance; without <paramref name="ParameterGroup"/>, the program's group of its region (<see cref="Placements"/>).
    /// <paramref name="ShownOnce"/> is what the next describe still shows: RDS's describe lags a parameter group change
    /// and a reboot by a look. <paramref name="Backups"/>: the ARN of its automated backups replicated to the DR region.
    /// </summary>
    /// <param name="Promoting">RDS is promoting it: it shows its source until <paramref name="Then"/> comes, and is standalone from then on.</param>
    public sealed record Instance(
        string Status, string Arn, string? ReplicaOf, string? Then = null, string? ResourceId = null, string? ParameterGroup = null, string ParameterApplyStatus = "in-sync",
        Instance? ShownOnce = null, bool Promoting = false, string? Backups = null);

    /// <summary>The parameter group RDS gives a replica created without one (a cross-region PostgreSQL replica).</summary>
    public const string RdsDefaultParameterGroup = "default.postgres16";

    /// <summary>Pulumi's state of the stack, in step with this world until fail-back replaces instances.</summary>
    public DrWorldState State { get; }

    public sealed record Counts(int Desired, int Running);

    public AutoAdvancingTimeProvider Time { get; } = new(Start);

    public Dictionary<(string Region, string Id), Instance> Instances { get; } = [];

    /// <summary>Where every instance of a region lives (its KMS key, subnet group and security groups) and the program's parameter group there.</summary>
    public static readonly Dictionary<string, DbPlacement> Placements = new()
    {
        [Primary] = new("arn:aws:kms:eu-west-1:123456789012:key/p", "production-db-subnets", ["sg-p"], "production-db-params"),
        [Dr] = new("arn:aws:kms:eu-central-1:123456789012:key/d", "production-dr-db-subnets", ["sg-d"], "production-dr-db-params"),
    };

    public Dictionary<(string Region, string Service), Counts> Services { get; } = [];

    public HashSet<string> Unreachable { get; } = [];

    /// <summary>Operations that throw, by name (e.g. <c>promote eu-central-1</c>, <c>dns</c>, <c>record</c>).</summary>
    public Dictionary<string, Exception> Failing { get; } = [];

    /// <summary>Operations that throw the next time only (a blip a retry or an undo gets past).</summary>
    public Dictionary<string, Exception> FailingOnce { get; } = [];

    /// <summary>
    /// When set, PromoteReadReplica gets no answer (the adapter's call limit passes and the request is cancelled) but RDS
    /// took it: the promotion starts this long after the call.
    /// </summary>
    public TimeSpan? PromoteLandsUnansweredAfter { get; set; }

    /// <summary>
    /// When set, the SDK's first PromoteReadReplica attempt loses its answer after RDS took it, and RDS answers the SDK's
    /// retry InvalidDBInstanceState (the instance is promoting); RDS's describe shows the promotion one look late.
    /// </summary>
    public bool PromoteRetriedAfterTaken { get; set; }

    /// <summary>An unanswered promotion RDS took and starts at that time.</summary>
    private (string Region, string Id, DateTimeOffset At)? landing;

    /// <summary>Instances or services that never finish what they were asked.</summary>
    public HashSet<string> Stuck { get; } = [];

    public (bool Healthy, string Detail) PrimaryHttp { get; set; } = (true, "HTTP 200");

    /// <summary>What the ledger's <c>dr</c> item says.</summary>
    public PromotionState Promotion { get; set; }

    /// <summary>Promoted or switching back: the ledger's <c>promoted</c>.</summary>
    public bool Promoted
    {
        get => Promotion != PromotionState.NotPromoted;
        set => Promotion = value ? PromotionState.Promoted : PromotionState.NotPromoted;
    }

    /// <summary>The DbiResourceId the <c>dr</c> item records for the DR replica failover promoted; recording not promoted clears it.</summary>
    public string? PromotedResourceId { get; set; }

    /// <summary>Whether the release documents carry the promotion mark for older code.</summary>
    public bool ReleaseMarked { get; set; }

    /// <summary>The regions whose services were stopped (they no longer write).</summary>
    private readonly HashSet<string> quiet = [];

    /// <summary>
    /// The WAL end of whichever database takes writes: each look while the DR services run finds more written, unless
    /// <see cref="SourceIdle"/>.
    /// </summary>
    public WalPosition Written => writes[^1].Position;

    /// <summary>Every WAL end and when it was written; the first was written before the world began.</summary>
    private readonly List<(DateTimeOffset At, WalPosition Position)> writes = [(DateTimeOffset.MinValue, WalPosition.Parse("0/3000148"))];

    /// <summary>Whether the DR services write nothing while they run: an idle source, whose WAL end stays put (RDS's heartbeat aside).</summary>
    public bool SourceIdle { get; set; }

    /// <summary>
    /// How far behind its source a replica replays, by the time it is read: it holds what was written at least that long
    /// before. Null: one look behind (what was written by its previous look). Either way nothing more once <c>replay</c> is <see cref="Stuck"/>.
    /// </summary>
    public Func<DateTimeOffset, TimeSpan>? ReplayBehind { get; set; }

    private WalPosition replayed = WalPosition.Parse("0/3000000");

    /// <summary>From this time on, the runner reaches neither region's databases over SQL (null: never).</summary>
    public DateTimeOffset? SqlLostAt { get; set; }

    /// <summary>Regions whose databases the runner cannot reach over SQL (their APIs still answer).</summary>
    public HashSet<string> SqlUnreachable { get; } = [];

    public bool? PrimaryHeldUnhealthy { get; private set; }

    public List<string> Calls { get; } = [];

    public List<DrEvent> Events { get; } = [];

    public List<(NotificationSeverity Severity, string Message)> Pages { get; } = [];

    public DrPorts Ports => new(this, this, this, this, this, this, Time) { Positions = this, Routes = this };

    public static string Arn(string region, string id) => $"arn:aws:rds:{region}:123456789012:db:{id}";

    public Task<DbInstanceState?> DescribeAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"describe {region}", null);
        var landed = landing is { } late && late.Region == region && late.Id == instanceId && Time.GetUtcNow() >= late.At;
        if (landed)
        {
            landing = null;
            StartPromotion(region, instanceId);
        }

        if (!Instances.TryGetValue((region, instanceId), out var instance)) return Task.FromResult<DbInstanceState?>(null);
        if (instance.ShownOnce is { } lagging)
        {
            Instances[(region, instanceId)] = instance with { ShownOnce = null };
            instance = lagging;
        }
        else if (instance.Then is { } next && !landed && !Stuck.Contains(instanceId))
        {
            instance = Instances[(region, instanceId)] = instance with
            {
                Status = next, Then = null, ReplicaOf = instance.Promoting ? null : instance.ReplicaOf, Promoting = false,
            };
        }

        return Task.FromResult<DbInstanceState?>(Shown(region, instanceId, instance));
    }

    private static DbInstanceState Shown(string region, string instanceId, Instance instance) => new(
        instance.Status, instance.Arn, instance.ReplicaOf, $"{instanceId}.abc.{region}.rds.amazonaws.com",
        Placements[region] with { ParameterGroupName = instance.ParameterGroup ?? Placements[region].ParameterGroupName }, instance.ResourceId, instance.ParameterApplyStatus,
        instance.Backups is null ? null : [instance.Backups]);

    public Task<DbInstanceState?> DescribeByResourceIdAsync(string region, string resourceId, CancellationToken cancellationToken)
    {
        Call($"describe {region}", null);
        var found = Instances.Where(i => i.Key.Region == region && i.Value.ResourceId == resourceId).ToList();
        return Task.FromResult(found is [var one] ? Shown(region, one.Key.Id, one.Value) : null);
    }

    /// <summary>Fails as RDS does: an unknown source, a replica, or a source already replicating to the DR region.</summary>
    public Task<string> StartBackupsReplicationAsync(BackupsReplicationRequest request, CancellationToken cancellationToken)
    {
        Call($"start-backups {request.Region}", $"{request.SourceArn} key {request.KmsKeyId} {request.RetentionDays} days");
        var (key, source) = SourceOf(request.SourceArn);
        if (source.ReplicaOf is not null) throw new InvalidOperationException($"InvalidDBInstanceState: DB instance {key.Id} is a read replica; its automated backups can't be replicated.");
        if (source.Backups is not null) throw new InvalidOperationException($"InvalidDBInstanceState: DB instance {key.Id} is already replicating to the current region.");
        var arn = $"arn:aws:rds:{request.Region}:123456789012:auto-backup:ab-STARTED{Backups.Count}";
        Backups[arn] = new ReplicatedBackups(request.SourceArn, request.KmsKeyId, request.RetentionDays);
        Instances[key] = source with { Backups = arn };
        return Task.FromResult(arn);
    }

    /// <summary>What was copied stays, retained; a source that does not replicate is refused, as RDS refuses it.</summary>
    public Task StopBackupsReplicationAsync(string region, string sourceArn, CancellationToken cancellationToken)
    {
        Call($"stop-backups {region}", sourceArn);
        var (key, source) = SourceOf(sourceArn);
        if (source.Backups is not { } arn) throw new InvalidOperationException($"InvalidDBInstanceState: DB instance {key.Id} is not replicating to the current region.");
        Backups[arn] = Backups[arn] with { Replicating = false };
        Instances[key] = source with { Backups = null };
        return Task.CompletedTask;
    }

    private ((string Region, string Id) Key, Instance Instance) SourceOf(string arn) =>
        Instances.Where(i => i.Value.Arn == arn).Select(i => (i.Key, i.Value)).SingleOrDefault() is { Value: not null } found
            ? found
            : throw new InvalidOperationException($"DBInstanceNotFound: DBInstance {arn} not found.");

    /// <summary>
    /// Answered as RDS answers it (InvalidDBInstanceState, which the adapter cannot tell from a retry's answer) for an
    /// instance that is not an available read replica.
    /// </summary>
    public Task PromoteAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"promote {region}", instanceId);
        var instance = Instances[(region, instanceId)];
        if (instance.Status != "available" || instance.ReplicaOf is null)
        {
            throw PromotionMaybeTakenException.InvalidState(instanceId, $"DB Instance {instanceId} is not an available read replica.");
        }

        if (PromoteRetriedAfterTaken)
        {
            StartPromotion(region, instanceId);
            Instances[(region, instanceId)] = Instances[(region, instanceId)] with { ShownOnce = instance };
            throw PromotionMaybeTakenException.InvalidState(instanceId, $"DB Instance {instanceId} is not in available state.");
        }

        if (PromoteLandsUnansweredAfter is { } delay)
        {
            landing = (region, instanceId, Time.GetUtcNow() + delay);
            throw new TimeoutException("no answer within 10s; the request was cancelled");
        }

        StartPromotion(region, instanceId);
        return Task.CompletedTask;
    }

    /// <summary>RDS's promotion: modifying with the source still shown, then available and standalone (one look later).</summary>
    private void StartPromotion(string region, string instanceId) =>
        Instances[(region, instanceId)] = Instances[(region, instanceId)] with { Status = "modifying", Then = "available", Promoting = true };

    public Task CreateReplicaAsync(ReplicaRequest request, CancellationToken cancellationToken)
    {
        Call($"create {request.Region}", $"{request.InstanceId} from {request.SourceArn} key {request.Placement.KmsKeyId} subnets {request.Placement.SubnetGroupName}");
        Created.Add(request);
        var source = request.SourceArn.Split(':')[^1];
        Instances[(request.Region, request.InstanceId)] = new Instance(
            "creating", Arn(request.Region, request.InstanceId), source, "available", $"db-CREATED{Created.Count}", RdsDefaultParameterGroup);
        return Task.CompletedTask;
    }

    public Task SetParameterGroupAsync(string region, string instanceId, string parameterGroupName, CancellationToken cancellationToken)
    {
        Call($"parameters {region}", $"{instanceId} {parameterGroupName}");
        var before = Instances[(region, instanceId)];
        Instances[(region, instanceId)] = before with
        {
            Status = "modifying", Then = "available", ParameterGroup = parameterGroupName, ParameterApplyStatus = "pending-reboot", ShownOnce = before with { ShownOnce = null },
        };
        return Task.CompletedTask;
    }

    public Task RebootAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"reboot {region}", instanceId);
        var before = Instances[(region, instanceId)];
        Instances[(region, instanceId)] = before with { Status = "rebooting", Then = "available", ParameterApplyStatus = "in-sync", ShownOnce = before with { ShownOnce = null } };
        return Task.CompletedTask;
    }

    public List<ReplicaRequest> Created { get; } = [];

    public Task SetBackupRetentionAsync(string region, string instanceId, int days, CancellationToken cancellationToken)
    {
        Call($"backups {region}", $"{instanceId} {days} days");
        return Task.CompletedTask;
    }

    public Task RenameAsync(string region, string instanceId, string newInstanceId, CancellationToken cancellationToken)
    {
        Call($"rename {region}", $"{instanceId} to {newInstanceId}");
        var instance = Instances[(region, instanceId)];
        Instances.Remove((region, instanceId));
        Instances[(region, newInstanceId)] = instance with { Status = "renaming", Then = "available", Arn = Arn(region, newInstanceId) };
        return Task.CompletedTask;
    }

    public Task ScaleAsync(string region, string cluster, string service, ServiceCapacity capacity, CancellationToken cancellationToken)
    {
        Call($"scale {region}", $"{service} to {capacity}");
        Services[(region, service)] = Services[(region, service)] with { Desired = capacity.Desired };
        if (capacity.Desired > 0)
        {
            quiet.Remove(region);
        }
        else if (quiet.Add(region) && region == Dr)
        {
            Write(); // what the stopping tasks still wrote
        }
        return Task.CompletedTask;
    }

    Task<ServiceCounts?> IDrServices.DescribeAsync(string region, string cluster, string service, CancellationToken cancellationToken)
    {
        Call($"services {region}", null);
        if (!Services.TryGetValue((region, service), out var counts)) return Task.FromResult<ServiceCounts?>(null);
        var shown = new ServiceCounts(counts.Desired, counts.Running);
        if (!Stuck.Contains(service)) Services[(region, service)] = counts with { Running = counts.Desired };
        return Task.FromResult<ServiceCounts?>(shown);
    }

    public Task SetPrimaryHeldUnhealthyAsync(string healthCheckId, bool held, CancellationToken cancellationToken)
    {
        Call("dns", $"{healthCheckId} held unhealthy {held}");
        PrimaryHeldUnhealthy = held;
        return Task.CompletedTask;
    }

    public Task<(bool Healthy, string Detail)> GetAsync(string url, CancellationToken cancellationToken)
    {
        Call($"http {Primary}", url);
        return Task.FromResult(PrimaryHttp);
    }

    private void Write() => writes.Add((Time.GetUtcNow(), new WalPosition(Written.Offset + 0x100)));

    public Task<WalPosition> ReadWrittenAsync(DatabaseAddress source, CancellationToken cancellationToken)
    {
        var (region, instance) = Sql(source, "the WAL position of");
        if (instance.ReplicaOf is not null) throw new ReplicationPositionException($"{source} is in recovery (a replica), so it is not the database that takes writes");
        if (region == Dr && Services[(Dr, "production-dr-web-blue")].Desired > 0 && !SourceIdle) Write();
        return Task.FromResult(Written);
    }

    public Task<WalPosition?> ReadReplayedAsync(DatabaseAddress replica, CancellationToken cancellationToken)
    {
        var (_, instance) = Sql(replica, "the replay position of");
        if (instance.ReplicaOf is null) throw new ReplicationPositionException($"{replica} is not in recovery: it is no replica (standalone or promoted), so it replays nothing");
        var shown = replayed;
        if (Stuck.Contains("replay")) return Task.FromResult<WalPosition?>(shown);
        if (ReplayBehind is { } behind)
        {
            var upTo = Time.GetUtcNow() - behind(Time.GetUtcNow());
            shown = replayed = writes.Last(w => w.At <= upTo).Position;
        }
        else
        {
            replayed = Written;
        }

        return Task.FromResult<WalPosition?>(shown);
    }

    /// <summary>The instance behind an address (<c>ID.abc.REGION.rds.amazonaws.com</c>), or the refusal of a database the runner cannot reach.</summary>
    private (string Region, Instance Instance) Sql(DatabaseAddress database, string what)
    {
        var parts = database.Host.Split('.');
        if (SqlUnreachable.Contains(parts[2]) || Time.GetUtcNow() >= SqlLostAt)
        {
            throw new ReplicationPositionException($"could not read {what} {database.Name} at {database.Host}:5432 within 5s: Connection refused; check that the runner reaches it");
        }

        return (parts[2], Instances[(parts[2], parts[0])]);
    }

    public Task<TrafficWeights> ReadWeightsAsync(string region, TrafficRoute route, CancellationToken cancellationToken)
    {
        Call($"routes {region}", null);
        return Forwarding.TryGetValue(route.Arn, out var weights)
            ? Task.FromResult(weights)
            : throw new InvalidOperationException("Elastic Load Balancing: ListenerNotFound: One or more listeners not found");
    }

    public Task<PromotionState> ReadPromotionAsync(CancellationToken cancellationToken)
    {
        Call("ledger", null);
        return Task.FromResult(Promotion);
    }

    /// <summary>Fails as <c>record</c> (any write) or <c>record &lt;state&gt;</c> (a write of that state) are set to.</summary>
    public Task RecordPromotionAsync(PromotionState promotion, CancellationToken cancellationToken)
    {
        var thisState = $"record {promotion}";
        if (Failing.TryGetValue(thisState, out var error) || FailingOnce.Remove(thisState, out error)) throw error;
        Call("record", promotion.ToString());
        Promotion = promotion;
        if (promotion == PromotionState.NotPromoted) PromotedResourceId = null;
        return Task.CompletedTask;
    }

    public Task<string?> ReadPromotedResourceIdAsync(CancellationToken cancellationToken)
    {
        Call("ledger", null);
        return Task.FromResult(PromotedResourceId);
    }

    /// <summary>Fails as <c>record</c> or <c>record promoting</c> are set to.</summary>
    public Task RecordPromotingAsync(string resourceId, CancellationToken cancellationToken)
    {
        if (Failing.TryGetValue("record promoting", out var error) || FailingOnce.Remove("record promoting", out error)) throw error;
        Call("record", $"promoting {resourceId}");
        PromotedResourceId = resourceId;
        return Task.CompletedTask;
    }

    public Task<string> MarkReleasePromotedAsync(bool promoted, CancellationToken cancellationToken)
    {
        Call("mark", $"release {promoted}");
        ReleaseMarked = promoted;
        return Task.FromResult($"marked {promoted}");
    }

    public Task<bool> ReadReleaseMarkedAsync(CancellationToken cancellationToken)
    {
        Call("mark", null);
        return Task.FromResult(ReleaseMarked);
    }

    public Task AppendAsync(DrEvent drEvent, CancellationToken cancellationToken)
    {
        Events.Add(drEvent);
        return Task.CompletedTask;
    }

    public Task NotifyAsync(NotificationSeverity severity, string message, CancellationToken cancellationToken)
    {
        Pages.Add((severity, message));
        return Task.CompletedTask;
    }

    /// <summary>Records a call that changes something (a look has no detail) and fails it as configured.</summary>
    private void Call(string operation, string? detail)
    {
        var region = operation.Split(' ').Skip(1).FirstOrDefault();
        if (region is not null && Unreachable.Contains(region))
        {
            throw new HttpRequestException($"connecting to the {operation.Split(' ')[0]} endpoint in {region} timed out");
        }

        if (Failing.TryGetValue(operation, out var error) || FailingOnce.Remove(operation, out error)) throw error;
        if (detail is not null) Calls.Add($"{operation}: {detail}");
    }
}
