using System.Collections.Concurrent;
using System.Net;

namespace TestSupport;

/// <summary>
/// An RDS stand-in on 127.0.0.1 speaking AWS Query (form-encoded POST /, Version 2014-10-31) with XML answers, for the
/// DB instance operations failover, fail-back and the restore drill use. It fails as RDS does: DBInstanceNotFound (404)
/// for an unknown identifier, InvalidDBInstanceState for promoting an instance that is not a replica or not available (a
/// promoted instance stays modifying with its source shown, as RDS shows it until the promotion is done),
/// DBInstanceAlreadyExists for a taken identifier, InvalidParameterCombination for a parameter group on a cross-region
/// read replica (its instances are PostgreSQL, which RDS refuses it for) and for a ModifyDBInstance that asks for
/// nothing, InvalidAction for an unknown action, and a missing Version is MissingParameter. A new replica starts on RDS's
/// default parameter group; setting another one leaves it pending-reboot until RebootDBInstance. It also keeps manual snapshots (CreateDBSnapshot, DescribeDBSnapshots paged by Marker,
/// DeleteDBSnapshot), failing with InvalidDBInstanceState for an instance that is not available,
/// DBSnapshotAlreadyExists for a taken identifier and DBSnapshotNotFound (404). It replicates an instance's automated
/// backups to "another region" (Start/StopDBInstanceAutomatedBackupsReplication by source ARN), refusing with
/// InvalidDBInstanceState a source that is a replica, keeps no backups, already replicates, or (stopping) does not, and with
/// InvalidParameterCombination an encrypted source without a KMS key; a source lists its replicated backups, and
/// DescribeDBInstances also finds instances by the dbi-resource-id filter. Every request's form is recorded.
/// </summary>
internal sealed class FakeRdsServer : IDisposable
{
    private const string Ns = "http://rds.amazonaws.com/doc/2014-10-31/";
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();

    private FakeRdsServer(HttpListener listener, int port)
    {
        _listener = listener;
        Endpoint = $"http://127.0.0.1:{port}";
        _serving = Task.Run(() => LoopbackHttpListener.ServeAsync(listener, AnswerAsync));
    }

    public sealed record Instance(string Status, string? ReplicaOf = null, string KmsKeyId = "arn:aws:kms:eu-west-1:123456789012:key/k",
        string SubnetGroup = "db-subnets", string[]? SecurityGroups = null, string ParameterGroup = DefaultParameterGroup, int BackupRetention = 0,
        string? ResourceId = null, string ParameterApplyStatus = "in-sync");

    /// <summary>RDS's default parameter group of the engine family its instances run (PostgreSQL 16).</summary>
    public const string DefaultParameterGroup = "default.postgres16";

    public string Endpoint { get; }

    public string Region { get; set; } = "eu-west-1";

    public ConcurrentDictionary<string, Instance> Instances { get; } = new();

    /// <summary>A manual snapshot: its instance, status, progress, creation time (unset while creating), the instance's key and its tags.</summary>
    public sealed record Snapshot(string Instance, string Status, int Percent, DateTime? CreatedAt, string KmsKeyId, IReadOnlyDictionary<string, string> Tags);

    public ConcurrentDictionary<string, Snapshot> Snapshots { get; } = new();

    /// <summary>Snapshots per DescribeDBSnapshots page (RDS's MaxRecords defaults to 100); a smaller one makes the client follow Marker.</summary>
    public int PageSize { get; set; } = 100;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    /// <summary>Replicated automated backups, by source instance identifier: their ARN, KMS key, retention and whether still replicating.</summary>
    public sealed record Replication(string Arn, string KmsKeyId, int Retention, bool Replicating = true);

    public ConcurrentDictionary<string, Replication> Replications { get; } = new();

    /// <summary>Answers every request with RDS's rate limit (400 Throttling), as RDS does when the account's API rate is exceeded.</summary>
    public bool Throttled { get; set; }

    public static FakeRdsServer Start()
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new FakeRdsServer(listener, port);
    }

    public void Dispose() => LoopbackHttpListener.Stop(_listener, _serving);

    private Task AnswerAsync(HttpListenerContext context) => LoopbackHttpListener.AnswerQueryAsync(context, _requests.Enqueue, Answer);

    private (int, string) Answer(Dictionary<string, string> form)
    {
        if (!form.TryGetValue("Version", out var version) || version != "2014-10-31") return Error(400, "MissingParameter", "The request must contain the parameter Version");
        if (Throttled) return Error(400, "Throttling", "Rate exceeded");
        var action = form.GetValueOrDefault("Action", "");
        if (action.EndsWith("DBSnapshot", StringComparison.Ordinal) || action == "DescribeDBSnapshots") return AnswerSnapshot(action, form);
        var id = form.GetValueOrDefault(action == "RestoreDBInstanceToPointInTime" ? "SourceDBInstanceIdentifier" : "DBInstanceIdentifier", "");
        switch (action)
        {
            case "DescribeDBInstances" when form.GetValueOrDefault("Filters.Filter.1.Name") == "dbi-resource-id":
                var resourceId = form.GetValueOrDefault("Filters.Filter.1.Values.Value.1");
                return Ok(action, $"<DBInstances>{string.Concat(Instances.Where(i => i.Value.ResourceId == resourceId).Select(i => $"<DBInstance>{Xml(i.Key, i.Value)}</DBInstance>"))}</DBInstances>");
            case "StartDBInstanceAutomatedBackupsReplication" or "StopDBInstanceAutomatedBackupsReplication":
                return AnswerReplication(action, form);
            case "DescribeDBInstances":
                return Instances.TryGetValue(id, out var described)
                    ? Ok(action, $"<DBInstances><DBInstance>{Xml(id, described)}</DBInstance></DBInstances>")
                    : NotFound(id);
            case "PromoteReadReplica":
                if (!Instances.TryGetValue(id, out var replica)) return NotFound(id);
                if (replica.ReplicaOf is null) return Error(400, "InvalidDBInstanceState", $"DB Instance {id} is not a read replica.");
                if (replica.Status != "available") return Error(400, "InvalidDBInstanceState", $"DB Instance {id} is not in available state.");
                // RDS shows the source while it promotes (modifying, then a reboot); the instance is standalone once available.
                Instances[id] = replica with { Status = "modifying" };
                return Ok(action, $"<DBInstance>{Xml(id, Instances[id])}</DBInstance>");
            case "CreateDBInstanceReadReplica":
                if (Instances.ContainsKey(id)) return Error(400, "DBInstanceAlreadyExists", "DB instance already exists");
                var source = form.GetValueOrDefault("SourceDBInstanceIdentifier", "");
                var crossRegion = source.StartsWith("arn:", StringComparison.Ordinal) && !source.Contains($":{Region}:", StringComparison.Ordinal);
                if (crossRegion && !form.ContainsKey("KmsKeyId"))
                    return Error(400, "InvalidParameterCombination", "Cross-region read replica of an encrypted source requires KmsKeyId");
                // The RDS API reference: a parameter group on this call is supported only for MySQL (and Db2, Oracle) cross-region replicas.
                if (crossRegion && form.ContainsKey("DBParameterGroupName"))
                    return Error(400, "InvalidParameterCombination", "A parameter group can't be specified during Read Replica creation for the following DB engine: postgres");
                Instances[id] = new Instance("creating", source.Split(':')[^1], form.GetValueOrDefault("KmsKeyId", ""), form.GetValueOrDefault("DBSubnetGroupName", ""),
                    ParameterGroup: form.GetValueOrDefault("DBParameterGroupName", DefaultParameterGroup), ResourceId: $"db-CREATED{Instances.Count}");
                return Ok(action, $"<DBInstance>{Xml(id, Instances[id])}</DBInstance>");
            case "ModifyDBInstance" when !form.ContainsKey("NewDBInstanceIdentifier"):
                return Modify(id, form);
            case "RebootDBInstance":
                if (!Instances.TryGetValue(id, out var rebooted)) return NotFound(id);
                Instances[id] = rebooted with { Status = "rebooting", ParameterApplyStatus = "in-sync" };
                return Ok(action, $"<DBInstance>{Xml(id, Instances[id])}</DBInstance>");
            case "ModifyDBInstance":
                if (!Instances.TryRemove(id, out var renamed)) return NotFound(id);
                var newId = form.GetValueOrDefault("NewDBInstanceIdentifier", id);
                Instances[newId] = renamed with { Status = "renaming" };
                // Replication follows the instance, not its name.
                if (Replications.TryRemove(id, out var replication)) Replications[newId] = replication;
                return Ok(action, $"<DBInstance>{Xml(newId, Instances[newId])}</DBInstance>");
            case "RestoreDBInstanceToPointInTime":
                if (!Instances.ContainsKey(id)) return NotFound(id);
                var target = form.GetValueOrDefault("TargetDBInstanceIdentifier", "");
                if (Instances.ContainsKey(target)) return Error(400, "DBInstanceAlreadyExists", "DB instance already exists");
                Instances[target] = new Instance("creating");
                return Ok(action, $"<DBInstance>{Xml(target, Instances[target])}</DBInstance>");
            case "DeleteDBInstance":
                return Instances.TryRemove(id, out var deleted) ? Ok(action, $"<DBInstance>{Xml(id, deleted with { Status = "deleting" })}</DBInstance>") : NotFound(id);
            default:
                return Error(400, "InvalidAction", $"The action {action} is not valid for this web service.");
        }
    }

    /// <summary>ModifyDBInstance without a rename: the backup retention (0..35) and the parameter group, whichever are asked for.</summary>
    private (int, string) Modify(string id, Dictionary<string, string> form)
    {
        if (!Instances.TryGetValue(id, out var modified)) return NotFound(id);
        if (!form.ContainsKey("BackupRetentionPeriod") && !form.ContainsKey("DBParameterGroupName"))
            return Error(400, "InvalidParameterCombination", "No modifications were requested");
        if (form.TryGetValue("BackupRetentionPeriod", out var retention))
        {
            if (!int.TryParse(retention, out var days) || days is < 0 or > 35) return Error(400, "InvalidParameterValue", "Invalid backup retention period");
            modified = modified with { BackupRetention = days };
        }

        // RDS renames the group at once and applies its static parameters at the next reboot.
        if (form.TryGetValue("DBParameterGroupName", out var group) && group != modified.ParameterGroup)
            modified = modified with { ParameterGroup = group, ParameterApplyStatus = "pending-reboot" };
        Instances[id] = modified with { Status = "modifying" };
        return Ok("ModifyDBInstance", $"<DBInstance>{Xml(id, Instances[id])}</DBInstance>");
    }

    private (int, string) AnswerReplication(string action, Dictionary<string, string> form)
    {
        var id = form.GetValueOrDefault("SourceDBInstanceArn", "").Split(':')[^1];
        if (!Instances.TryGetValue(id, out var source)) return NotFound(id);
        var replicating = Replications.TryGetValue(id, out var replication) && replication.Replicating;
        if (action == "StopDBInstanceAutomatedBackupsReplication")
        {
            if (!replicating) return Error(400, "InvalidDBInstanceState", $"DB instance {id} is not replicating to the current region.");
            Replications[id] = replication! with { Replicating = false };
            return Ok(action, $"<DBInstanceAutomatedBackup><DBInstanceAutomatedBackupsArn>{replication!.Arn}</DBInstanceAutomatedBackupsArn><Status>retained</Status></DBInstanceAutomatedBackup>");
        }

        if (source.ReplicaOf is not null) return Error(400, "InvalidDBInstanceState", $"DB instance {id} is a read replica; its automated backups can't be replicated.");
        if (source.BackupRetention == 0) return Error(400, "InvalidDBInstanceState", $"Automated backups are not enabled for DB instance {id}.");
        if (replicating) return Error(400, "InvalidDBInstanceState", $"DB instance {id} is already replicating to the current region.");
        if (!form.TryGetValue("KmsKeyId", out var key)) return Error(400, "InvalidParameterCombination", "KmsKeyId is required to replicate the automated backups of an encrypted DB instance.");
        var retention = int.Parse(form.GetValueOrDefault("BackupRetentionPeriod", "7"), System.Globalization.CultureInfo.InvariantCulture);
        Replications[id] = new Replication($"arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-{source.ResourceId ?? id}{Replications.Count}", key, retention);
        return Ok(action, $"<DBInstanceAutomatedBackup><DBInstanceAutomatedBackupsArn>{Replications[id].Arn}</DBInstanceAutomatedBackupsArn><Status>pending</Status></DBInstanceAutomatedBackup>");
    }

    private (int, string) AnswerSnapshot(string action, Dictionary<string, string> form)
    {
        var id = form.GetValueOrDefault("DBSnapshotIdentifier", "");
        switch (action)
        {
            case "CreateDBSnapshot":
                var instanceId = form.GetValueOrDefault("DBInstanceIdentifier", "");
                if (!Instances.TryGetValue(instanceId, out var instance)) return NotFound(instanceId);
                if (instance.Status != "available")
                    return Error(400, "InvalidDBInstanceState", $"Cannot create a snapshot because the database instance {instanceId} is not currently in the available state.");
                if (Snapshots.ContainsKey(id))
                    return Error(400, "DBSnapshotAlreadyExists", $"Cannot create the snapshot because a snapshot with the identifier {id} already exists.");
                var tags = Enumerable.Range(1, 50).TakeWhile(i => form.ContainsKey($"Tags.Tag.{i}.Key"))
                    .ToDictionary(i => form[$"Tags.Tag.{i}.Key"], i => form.GetValueOrDefault($"Tags.Tag.{i}.Value", ""));
                Snapshots[id] = new Snapshot(instanceId, "creating", 0, null, instance.KmsKeyId, tags);
                return Ok(action, SnapshotXml(id, Snapshots[id]));
            case "DescribeDBSnapshots":
                if (id.Length > 0)
                    return Snapshots.TryGetValue(id, out var one) ? Ok(action, $"<DBSnapshots>{SnapshotXml(id, one)}</DBSnapshots>") : SnapshotNotFound(id);
                var of = form.GetValueOrDefault("DBInstanceIdentifier");
                var matching = Snapshots.Where(p => of is null || p.Value.Instance == of).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                var from = int.Parse(form.GetValueOrDefault("Marker", "0"), System.Globalization.CultureInfo.InvariantCulture);
                var page = matching.Skip(from).Take(PageSize).ToList();
                var marker = from + PageSize < matching.Count ? $"<Marker>{from + PageSize}</Marker>" : "";
                return Ok(action, $"<DBSnapshots>{string.Concat(page.Select(p => SnapshotXml(p.Key, p.Value)))}</DBSnapshots>{marker}");
            case "DeleteDBSnapshot":
                return Snapshots.TryRemove(id, out var deleted) ? Ok(action, SnapshotXml(id, deleted with { Status = "deleted" })) : SnapshotNotFound(id);
            default:
                return Error(400, "InvalidAction", $"The action {action} is not valid for this web service.");
        }
    }

    private static string SnapshotXml(string id, Snapshot snapshot) =>
        $"<DBSnapshot><DBSnapshotIdentifier>{id}</DBSnapshotIdentifier><DBInstanceIdentifier>{snapshot.Instance}</DBInstanceIdentifier>" +
        $"<SnapshotType>manual</SnapshotType><Status>{snapshot.Status}</Status><PercentProgress>{snapshot.Percent}</PercentProgress>" +
        (snapshot.CreatedAt is { } at ? $"<SnapshotCreateTime>{at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}</SnapshotCreateTime>" : "") +
        $"<Encrypted>true</Encrypted><KmsKeyId>{snapshot.KmsKeyId}</KmsKeyId><TagList>" +
        string.Concat(snapshot.Tags.Select(t => $"<Tag><Key>{t.Key}</Key><Value>{t.Value}</Value></Tag>")) + "</TagList></DBSnapshot>";

    private static (int, string) SnapshotNotFound(string id) => Error(404, "DBSnapshotNotFound", $"DBSnapshot {id} not found.");

    private string Xml(string id, Instance instance) =>
        $"<DBInstanceIdentifier>{id}</DBInstanceIdentifier><DBInstanceArn>arn:aws:rds:{Region}:123456789012:db:{id}</DBInstanceArn>" +
        (instance.ResourceId is null ? "" : $"<DbiResourceId>{instance.ResourceId}</DbiResourceId>") +
        $"<DBInstanceStatus>{instance.Status}</DBInstanceStatus><KmsKeyId>{instance.KmsKeyId}</KmsKeyId>" +
        (instance.Status == "creating" ? "" : $"<Endpoint><Address>{id}.abc.{Region}.rds.amazonaws.com</Address><Port>5432</Port></Endpoint>") +
        (instance.ReplicaOf is null ? "" : $"<ReadReplicaSourceDBInstanceIdentifier>{instance.ReplicaOf}</ReadReplicaSourceDBInstanceIdentifier>") +
        $"<DBSubnetGroup><DBSubnetGroupName>{instance.SubnetGroup}</DBSubnetGroupName></DBSubnetGroup><VpcSecurityGroups>" +
        string.Concat((instance.SecurityGroups ?? ["sg-1"]).Select(g => $"<VpcSecurityGroupMembership><VpcSecurityGroupId>{g}</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>")) +
        "</VpcSecurityGroups>" +
        $"<DBParameterGroups><DBParameterGroup><DBParameterGroupName>{instance.ParameterGroup}</DBParameterGroupName><ParameterApplyStatus>{instance.ParameterApplyStatus}</ParameterApplyStatus></DBParameterGroup></DBParameterGroups>" +
        $"<BackupRetentionPeriod>{instance.BackupRetention}</BackupRetentionPeriod>" +
        (Replications.TryGetValue(id, out var replication) && replication.Replicating
            ? $"<DBInstanceAutomatedBackupsReplications><DBInstanceAutomatedBackupsReplication><DBInstanceAutomatedBackupsArn>{replication.Arn}</DBInstanceAutomatedBackupsArn></DBInstanceAutomatedBackupsReplication></DBInstanceAutomatedBackupsReplications>"
            : "");

    private static (int, string) Ok(string action, string result) =>
        (200, $"<{action}Response xmlns=\"{Ns}\"><{action}Result>{result}</{action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></{action}Response>");

    private static (int, string) NotFound(string id) => Error(404, "DBInstanceNotFound", $"DBInstance {id} not found.");

    private static (int, string) Error(int status, string code, string message) =>
        (status, $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>");
}
