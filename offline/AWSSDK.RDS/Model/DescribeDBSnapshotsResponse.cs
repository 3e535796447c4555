namespace Amazon.RDS.Model;

/// <summary>One page of snapshots; <see cref="Marker"/> asks for the next one (null on the last).</summary>
public class DescribeDBSnapshotsResponse
{
    public List<DBSnapshot>? DBSnapshots { get; set; }

    public string? Marker { get; set; }
}
