namespace Amazon.RDS.Model;

/// <summary>DeleteDBSnapshot parameters: the manual snapshot to delete.</summary>
public class DeleteDBSnapshotRequest
{
    public string? DBSnapshotIdentifier { get; set; }
}
