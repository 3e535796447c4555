using Infra.Runner.Drill;

namespace Runner.Tests.Drill;

/// <summary>
/// RDS's point-in-time restore as the drill meets it: a restore time later than the latest restorable time (five
/// minutes behind the clock) or a target that exists is rejected; a new instance reports <c>creating</c>, then
/// <c>backing-up</c>, then <c>available</c> with an address, one status per look; the restored data is the primary's
/// markers up to the restore time (registered with <see cref="FakeMarkerDatabases"/>); deleting a missing instance is fine.
/// </summary>
internal sealed class FakePointInTimeRestore(TimeProvider time, FakeMarkerDatabases markers) : IPointInTimeRestore
{
    private readonly Dictionary<string, Queue<string>> instances = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>The statuses a new instance goes through; the last one stays.</summary>
    public string[] Statuses { get; set; } = ["creating", "backing-up", "available"];

    public Exception? StartError { get; set; }

    public Exception? DeleteError { get; set; }

    public IReadOnlyCollection<string> Existing => instances.Keys;

    public Task StartRestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var (sourceInstanceId, targetInstanceId, restoreTime) = (request.SourceInstanceId, request.TargetInstanceId, request.RestoreTime);
        Calls.Add($"restore {sourceInstanceId} as of {restoreTime:HH:mm:ss} into {targetInstanceId} ({request.InstanceClass ?? "source's class"}) at {time.GetUtcNow():HH:mm:ss}");
        if (restoreTime > time.GetUtcNow() - TimeSpan.FromMinutes(5))
            throw new InvalidOperationException($"InvalidRestoreTime: {restoreTime:O} is after the latest restorable time");
        if (instances.ContainsKey(targetInstanceId)) throw new InvalidOperationException($"DBInstanceAlreadyExists: {targetInstanceId}");
        if (StartError is not null) throw StartError;
        instances[targetInstanceId] = new Queue<string>(Statuses);
        markers.AddCopy(Address(targetInstanceId), m => m.WrittenAt <= restoreTime);
        return Task.CompletedTask;
    }

    public Task<(string Status, string? Address)?> DescribeAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!instances.TryGetValue(instanceId, out var statuses)) return Task.FromResult<(string, string?)?>(null);
        var status = statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek();
        return Task.FromResult<(string, string?)?>((status, status == "available" ? Address(instanceId) : null));
    }

    public Task DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        Calls.Add($"delete {instanceId} at {time.GetUtcNow():HH:mm:ss}");
        if (DeleteError is not null) throw DeleteError;
        instances.Remove(instanceId);
        return Task.CompletedTask;
    }

    public static string Address(string instanceId) => $"{instanceId}.rds.example.com";
}
