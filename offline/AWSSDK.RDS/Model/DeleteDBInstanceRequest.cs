namespace Amazon.RDS.Model;

/// <summary>DeleteDBInstance parameters used here.</summary>
public class DeleteDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }

    public bool? SkipFinalSnapshot { get; set; }
}
