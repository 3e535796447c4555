namespace Amazon.RDS.Model;

/// <summary>The snapshot being deleted.</summary>
public class DeleteDBSnapshotResponse
{
    public DBSnapshot? DBSnapshot { get; set; }
}
