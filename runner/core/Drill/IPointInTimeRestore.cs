namespace Infra.Runner.Drill;

/// <summary>A point-in-time restore of the primary database into a new instance that exists only for a restore drill.</summary>
public interface IPointInTimeRestore
{
    /// <summary>Starts restoring <paramref name="sourceInstanceId"/> as it was at <paramref name="restoreTime"/> into <paramref name="targetInstanceId"/>, with the source's subnet group, security groups and KMS key.</summary>
    Task StartRestoreAsync(string sourceInstanceId, string targetInstanceId, DateTimeOffset restoreTime, CancellationToken cancellationToken);

    /// <summary>The instance's status (RDS's DBInstanceStatus, e.g. <c>creating</c>, <c>available</c>) and endpoint address once it has one; null when there is no such instance.</summary>
    Task<(string Status, string? Address)?> DescribeAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes the drill's instance without a final snapshot; an instance already gone is not an error.</summary>
    Task DeleteAsync(string instanceId, CancellationToken cancellationToken);
}
