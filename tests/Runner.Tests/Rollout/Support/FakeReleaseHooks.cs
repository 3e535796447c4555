using Infra.Runner.Rollout;

namespace Runner.Tests.Rollout.Support;

/// <summary>
/// RDS snapshots in memory, on the harness's clock: a snapshot is <c>creating</c> for <see cref="TimeToAvailable"/>,
/// then <c>available</c> (or <see cref="EndStatus"/>). Each lives in its instance's region (null: the stack's; else the
/// DR region) and is seen only there. It fails as RDS does: a taken identifier is DBSnapshotAlreadyExists, and
/// <see cref="CreateFault"/> stands for any other refusal (e.g. InvalidDBInstanceState).
/// </summary>
internal sealed class FakeSnapshots(TimeProvider time) : IDatabaseSnapshots
{
    public sealed record Snapshot(string Instance, string Stack, string RolloutId, DateTimeOffset StartedAt, string? Region = null);

    public Dictionary<string, Snapshot> Snapshots { get; } = new();

    /// <summary>Every snapshot created, as <c>id</c> (the stack's region) or <c>region/id</c>.</summary>
    public List<string> Created { get; } = [];

    public List<string> Deleted { get; } = [];

    public TimeSpan TimeToAvailable { get; set; } = TimeSpan.FromMinutes(3);

    public string EndStatus { get; set; } = "available";

    public Exception? CreateFault { get; set; }

    /// <summary>Called at every describe, e.g. to kill the runner while it waits.</summary>
    public Action<string> OnDescribe { get; set; } = _ => { };

    public Task CreateAsync(SnapshotDatabase database, string snapshotId, string stack, string rolloutId, CancellationToken cancellationToken)
    {
        if (CreateFault is { } fault) return Task.FromException(fault);
        if (Find(database, snapshotId) is not null)
            return Task.FromException(new InvalidOperationException($"Cannot create the snapshot because a snapshot with the identifier {snapshotId} already exists. (DBSnapshotAlreadyExists)"));
        Snapshots[snapshotId] = new Snapshot(database.InstanceId, stack, rolloutId, time.GetUtcNow(), database.DrRegion);
        Created.Add(database.DrRegion is { } region ? $"{region}/{snapshotId}" : snapshotId);
        return Task.CompletedTask;
    }

    public Task<SnapshotState?> DescribeAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken)
    {
        OnDescribe(snapshotId);
        if (Find(database, snapshotId) is not { } snapshot) return Task.FromResult<SnapshotState?>(null);
        var elapsed = time.GetUtcNow() - snapshot.StartedAt;
        return Task.FromResult<SnapshotState?>(elapsed >= TimeToAvailable
            ? new SnapshotState(snapshotId, EndStatus, 100)
            : new SnapshotState(snapshotId, "creating", (int)(100 * elapsed / TimeToAvailable)));
    }

    public Task<IReadOnlyList<ReleaseSnapshot>> ListReleaseSnapshotsAsync(SnapshotDatabase database, string stack, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReleaseSnapshot>>(Snapshots
            .Where(s => s.Value.Instance == database.InstanceId && s.Value.Region == database.DrRegion && s.Value.Stack == stack)
            .Select(s => new ReleaseSnapshot(s.Key, s.Value.RolloutId,
                time.GetUtcNow() - s.Value.StartedAt >= TimeToAvailable ? s.Value.StartedAt : null))
            .ToList());

    public Task DeleteAsync(SnapshotDatabase database, string snapshotId, CancellationToken cancellationToken)
    {
        if (Find(database, snapshotId) is not null) Snapshots.Remove(snapshotId);
        Deleted.Add(snapshotId);
        return Task.CompletedTask;
    }

    private Snapshot? Find(SnapshotDatabase database, string snapshotId) =>
        Snapshots.TryGetValue(snapshotId, out var snapshot) && snapshot.Region == database.DrRegion ? snapshot : null;
}

/// <summary>
/// ECS one-off tasks in memory, on the harness's clock: PROVISIONING for a minute, RUNNING until <see cref="RunFor"/>,
/// then STOPPED with <see cref="ExitCode"/>. A task ARN ECS does not know fails like a MISSING failure. RunTask is
/// idempotent per cluster and client token, as ECS documents it: the same token with the same parameters answers the
/// first call's task, with other parameters a ConflictException.
/// </summary>
internal sealed class FakeMigrationTasks(TimeProvider time) : IMigrationTasks
{
    private readonly Dictionary<string, DateTimeOffset> started = new();
    private readonly Dictionary<(string Cluster, string Token), (string Parameters, string Arn)> tokens = new();

    /// <summary>Every RunTask call, repeated ones included.</summary>
    public List<MigrationTaskRequest> Starts { get; } = [];

    /// <summary>The tasks ECS started, in order.</summary>
    public List<string> Started { get; } = [];

    public List<string> Described { get; } = [];

    public TimeSpan RunFor { get; set; } = TimeSpan.FromMinutes(3);

    public int? ExitCode { get; set; }

    public string StoppedReason { get; set; } = "Essential container in task exited";

    /// <summary>Called at every describe, e.g. to kill the runner while it waits.</summary>
    public Action<string> OnDescribe { get; set; } = _ => { };

    /// <summary>Called once RunTask has started a task, before its answer reaches the runner, e.g. to kill the runner there.</summary>
    public Action<string> OnStarted { get; set; } = _ => { };

    public Task<string> StartAsync(MigrationTaskRequest request, CancellationToken cancellationToken)
    {
        Starts.Add(request);
        var parameters = string.Join("|", request.Cluster, request.TaskDefinitionArn, request.ContainerName, string.Join(" ", request.Command),
            string.Join(",", request.SubnetIds), request.SecurityGroupId, request.StartedBy);
        if (tokens.TryGetValue((request.Cluster, request.ClientToken), out var first))
        {
            return first.Parameters == parameters
                ? Task.FromResult(first.Arn)
                : Task.FromException<string>(new InvalidOperationException(
                    $"The client token {request.ClientToken} was used with different parameters. (ConflictException)"));
        }

        var arn = $"arn:aws:ecs:eu-west-1:123456789012:task/{request.Cluster}/{Started.Count + 1:D4}abcdef";
        started[arn] = time.GetUtcNow();
        Started.Add(arn);
        tokens[(request.Cluster, request.ClientToken)] = (parameters, arn);
        OnStarted(arn);
        return Task.FromResult(arn);
    }

    public Task<MigrationTaskState> DescribeAsync(string cluster, string taskArn, string containerName, CancellationToken cancellationToken)
    {
        Described.Add(taskArn);
        OnDescribe(taskArn);
        if (!started.TryGetValue(taskArn, out var at)) return Task.FromException<MigrationTaskState>(new InvalidOperationException($"ECS does not know task {taskArn}: MISSING"));
        var elapsed = time.GetUtcNow() - at;
        return Task.FromResult(elapsed < TimeSpan.FromMinutes(1)
            ? new MigrationTaskState(taskArn, "PROVISIONING", null, null)
            : elapsed < RunFor
                ? new MigrationTaskState(taskArn, "RUNNING", null, null)
                : new MigrationTaskState(taskArn, "STOPPED", ExitCode ?? 0, StoppedReason));
    }
}
