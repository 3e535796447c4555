namespace Amazon.RDS.Model;

/// <summary>The snapshot being created.</summary>
public class CreateDBSnapshotResponse
{
    public DBSnapshot? DBSnapshot { get; set; }
}
