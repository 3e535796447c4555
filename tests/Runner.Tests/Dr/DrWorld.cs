using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Runner.Tests.Rollout.Support;

namespace Runner.Tests.Dr;

/// <summary>
/// Two regions of AWS as failover and fail-back see them, in memory: RDS instances that take one look to finish a
/// promotion, creation, rename, parameter group change or reboot (a new replica starts on RDS's default parameter group,
/// a changed group is pending-reboot until the reboot); ECS services whose running count follows the desired count one look later; a Route 53
/// health check; CloudWatch's replica lag, which grows while the source takes no writes, as RDS PostgreSQL's does; the
/// databases' WAL positions over SQL; the ledger (the dr item's promotion and the release documents' mark) and the pager.
/// A region can be made unreachable (every call throws, as a timed-out SDK call does), a region's databases unreachable
/// over SQL, and any operation can be made to fail or never finish. Every call is recorded.
/// Each instance has a resource id (DbiResourceId) that a rename keeps (its ARN follows the new name); <see cref="State"/> is
/// Pulumi's state of the stack. The primary's automated backups are replicated to the DR region (production): replication
/// follows the instance through a rename, and RDS refuses to start it twice or to stop what does not replicate.
/// </summary>
internal sealed class DrWorld : IDrDatabase, IDrServices, IDnsSwitch, IHealthProbe, IReplicaLagReader, IReplicationPosition, IDrLedger, INotifier
{
    public const string Primary = "eu-west-1";
    public const string Dr = "eu-central-1";
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly DrTopology Topology = new("production",
        new DrRegionSide(Primary, "production-db", "production",
            [new DrService("web", "production-web-blue", 3, 3, 12)]),
        new DrRegionSide(Dr, "production-db-replica", "production-dr",
            [new DrService("web", "production-dr-web-blue", 3, 3, 12)]),
        "hc-1", "https://primary.example.com/healthz");

    public DrWorld()
    {
        Instances[(Primary, "production-db")] = new Instance("available", Arn(Primary, "production-db"), null, ResourceId: PrimaryResourceId, Backups: OriginalBackups);
        Backups[OriginalBackups] = new ReplicatedBackups(Arn(Primary, "production-db"), "arn:aws:kms:eu-central-1:123456789012:key/d", 14);
        Instances[(Dr, "production-db-replica")] = new Instance("available", Arn(Dr, "production-db-replica"), "production-db", ResourceId: DrResourceId);
        State = new DrWorldState(this);
        Services[(Primary, "production-web-blue")] = new Counts(3, 3);
        Services[(Dr, "production-dr-web-blue")] = new Counts(0, 0);
    }

    /// <summary>The world after a failover whose primary region came back: its old primary is standalone and stale.</summary>
    public static DrWorld FailedOver()
    {
        var world = new DrWorld { Promoted = true, ReleaseMarked = true };
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
    /// An instance; without <paramref name="ParameterGroup"/>, the program's group of its region (<see cref="Placements"/>);
    /// <paramref name="Backups"/>: the ARN of its automated backups replicated to the DR region.
    /// </summary>
    public sealed record Instance(
        string Status, string Arn, string? ReplicaOf, string? Then = null, string? ResourceId = null, string? ParameterGroup = null, string ParameterApplyStatus = "in-sync",
        string? Backups = null);

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

    /// <summary>Instances or services that never finish what they were asked.</summary>
    public HashSet<string> Stuck { get; } = [];

    public (bool Healthy, string Detail) PrimaryHttp { get; set; } = (true, "HTTP 200");

    /// <summary>
    /// ReplicaLag while the source's region runs services (they write); once they stop it grows by the second, as for RDS
    /// PostgreSQL, where it is the time since the last replayed transaction (RDS's own heartbeat writes only every 5 minutes).
    /// </summary>
    public ReplicaLagReading? Lag { get; set; } = new(0, 3);

    /// <summary>What the ledger's <c>dr</c> item says.</summary>
    public PromotionState Promotion { get; set; }

    /// <summary>Promoted or switching back: the ledger's <c>promoted</c>.</summary>
    public bool Promoted
    {
        get => Promotion != PromotionState.NotPromoted;
        set => Promotion = value ? PromotionState.Promoted : PromotionState.NotPromoted;
    }

    /// <summary>Whether the release documents carry the promotion mark for older code.</summary>
    public bool ReleaseMarked { get; set; }

    /// <summary>Since when each region's services run no tasks (they stopped writing).</summary>
    private readonly Dictionary<string, DateTimeOffset> quietSince = [];

    /// <summary>The WAL end of whichever database takes writes: each look while the DR services run finds more written.</summary>
    public WalPosition Written { get; private set; } = WalPosition.Parse("0/3000148");

    /// <summary>How far a replica has replayed: what was written by its previous look (one look behind), unless <c>replay</c> is <see cref="Stuck"/>.</summary>
    private WalPosition replayed = WalPosition.Parse("0/3000000");

    /// <summary>Regions whose databases the runner cannot reach over SQL (their APIs still answer).</summary>
    public HashSet<string> SqlUnreachable { get; } = [];

    public bool? PrimaryHeldUnhealthy { get; private set; }

    public List<string> Calls { get; } = [];

    public List<DrEvent> Events { get; } = [];

    public List<(NotificationSeverity Severity, string Message)> Pages { get; } = [];

    public DrPorts Ports => new(this, this, this, this, this, this, this, Time) { Positions = this };

    public static string Arn(string region, string id) => $"arn:aws:rds:{region}:123456789012:db:{id}";

    public Task<DbInstanceState?> DescribeAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"describe {region}", null);
        if (!Instances.TryGetValue((region, instanceId), out var instance)) return Task.FromResult<DbInstanceState?>(null);
        if (instance.Then is { } next && !Stuck.Contains(instanceId))
        {
            instance = Instances[(region, instanceId)] = instance with { Status = next, Then = null };
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

    public Task PromoteAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"promote {region}", instanceId);
        Instances[(region, instanceId)] = Instances[(region, instanceId)] with { Status = "modifying", ReplicaOf = null, Then = "available" };
        return Task.CompletedTask;
    }

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
        Instances[(region, instanceId)] = Instances[(region, instanceId)] with
        {
            Status = "modifying", Then = "available", ParameterGroup = parameterGroupName, ParameterApplyStatus = "pending-reboot",
        };
        return Task.CompletedTask;
    }

    public Task RebootAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        Call($"reboot {region}", instanceId);
        Instances[(region, instanceId)] = Instances[(region, instanceId)] with { Status = "rebooting", Then = "available", ParameterApplyStatus = "in-sync" };
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
            quietSince.Remove(region);
        }
        else if (quietSince.TryAdd(region, Time.GetUtcNow()) && region == Dr)
        {
            Written = new WalPosition(Written.Offset + 0x100); // what the stopping tasks still wrote
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

    public Task<ReplicaLagReading?> ReadMaxAsync(ReplicaLagQuery query, CancellationToken cancellationToken)
    {
        Call($"lag {query.Region}", null);
        var source = query.Region == Primary ? Dr : Primary;
        return Task.FromResult(Lag is not null && quietSince.TryGetValue(source, out var since)
            ? Lag with { MaxSeconds = Math.Max(Lag.MaxSeconds, (Time.GetUtcNow() - since).TotalSeconds) }
            : Lag);
    }

    public Task<WalPosition> ReadWrittenAsync(DatabaseAddress source, CancellationToken cancellationToken)
    {
        var (region, instance) = Sql(source, "the WAL position of");
        if (instance.ReplicaOf is not null) throw new ReplicationPositionException($"{source} is in recovery (a replica), so it is not the database that takes writes");
        if (region == Dr && Services[(Dr, "production-dr-web-blue")].Desired > 0) Written = new WalPosition(Written.Offset + 0x100);
        return Task.FromResult(Written);
    }

    public Task<WalPosition?> ReadReplayedAsync(DatabaseAddress replica, CancellationToken cancellationToken)
    {
        var (_, instance) = Sql(replica, "the replay position of");
        if (instance.ReplicaOf is null) throw new ReplicationPositionException($"{replica} is not in recovery: it is no replica (standalone or promoted), so it replays nothing");
        var shown = replayed;
        if (!Stuck.Contains("replay")) replayed = Written;
        return Task.FromResult<WalPosition?>(shown);
    }

    /// <summary>The instance behind an address (<c>ID.abc.REGION.rds.amazonaws.com</c>), or the refusal of a database the runner cannot reach.</summary>
    private (string Region, Instance Instance) Sql(DatabaseAddress database, string what)
    {
        var parts = database.Host.Split('.');
        if (SqlUnreachable.Contains(parts[2]))
        {
            throw new ReplicationPositionException($"could not read {what} {database.Name} at {database.Host}:5432 within 5s: Connection refused; check that the runner reaches it");
        }

        return (parts[2], Instances[(parts[2], parts[0])]);
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
