namespace Amazon.RDS.Model;

/// <summary>The DB snapshot members the runner reads.</summary>
public class DBSnapshot
{
    public string? DBSnapshotIdentifier { get; set; }

    public string? DBInstanceIdentifier { get; set; }

    /// <summary>e.g. <c>creating</c>, <c>available</c>.</summary>
    public string? Status { get; set; }

    public int? PercentProgress { get; set; }

    /// <summary>Unset while the snapshot is being created.</summary>
    public DateTime? SnapshotCreateTime { get; set; }

    public bool? Encrypted { get; set; }

    /// <summary>A snapshot of an encrypted instance is encrypted with the instance's key.</summary>
    public string? KmsKeyId { get; set; }

    public List<Tag>? TagList { get; set; }
}
