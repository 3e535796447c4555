namespace Amazon.RDS.Model;

/// <summary>CreateDBSnapshot parameters used here. CreateDBSnapshot takes no key: the snapshot gets the instance's.</summary>
public class CreateDBSnapshotRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public string? DBSnapshotIdentifier { get; set; }

    public List<Tag>? Tags { get; set; }
}
