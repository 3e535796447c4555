namespace Infra.Runner.Drill;

/// <summary>What a restore drill asks RDS for: the primary as it was at <see cref="RestoreTime"/>, in a new instance.</summary>
/// <param name="InstanceClass"><c>infra:database.restoreTest.instanceClass</c>; null: the source's class (RDS's default).</param>
public sealed record RestoreRequest(string SourceInstanceId, string TargetInstanceId, DateTimeOffset RestoreTime, string? InstanceClass);

/// <summary>A point-in-time restore of the primary database into a new instance that exists only for a restore drill.</summary>
public interface IPointInTimeRestore
{
    /// <summary>Starts the restore, with the source's subnet group, security groups and KMS key.</summary>
    Task StartRestoreAsync(RestoreRequest request, CancellationToken cancellationToken);

    /// <summary>The instance's status (RDS's DBInstanceStatus, e.g. <c>creating</c>, <c>available</c>) and endpoint address once it has one; null when there is no such instance.</summary>
    Task<(string Status, string? Address)?> DescribeAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes the drill's instance without a final snapshot; an instance already gone is not an error.</summary>
    Task DeleteAsync(string instanceId, CancellationToken cancellationToken);
}
