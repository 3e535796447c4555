namespace Amazon.RDS.Model;

/// <summary>DescribeDBSnapshots parameters used here: one snapshot by identifier, or an instance's snapshots of a type, page by page.</summary>
public class DescribeDBSnapshotsRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBSnapshotIdentifier { get; set; }

    /// <summary>e.g. <c>manual</c>.</summary>
    public string? SnapshotType { get; set; }

    public string? Marker { get; set; }
}
